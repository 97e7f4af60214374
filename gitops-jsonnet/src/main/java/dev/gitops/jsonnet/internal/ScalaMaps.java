package dev.gitops.jsonnet.internal;

import java.util.Map;

/** Java maps as the immutable Scala maps sjsonnet's constructor wants. */
final class ScalaMaps {
    private ScalaMaps() {}

    static scala.collection.immutable.Map<String, String> of(Map<String, String> m) {
        return scala.collection.immutable.Map$.MODULE$.from(scala.jdk.javaapi.CollectionConverters.asScala(m));
    }
}
