package dev.gitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gitops.testkit.TempRepo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small central repositories written for the CLI tests (own templates: independent of the built-in ones). */
final class Fixtures {
    private Fixtures() {}

    static final String GITOPS_YAML = """
            environments:
              - name: dev
                branch: dev
                namespace: shop-dev
                allowMutableRevisions: true
              - name: preprod
                branch: preprod
                namespace: shop-preprod
              - name: prod
                branch: prod
                namespace: shop-prod
                prodLike: true
            """;

    static final String CONTROL_CENTER = """
            dev:
              log_level: debug
              service_a:
                git_rev: v1.0.2
                replicas: 1
              service_b:
                git_rev: v2.0.0
            preprod:
              log_level: info
              service_a:
                git_rev: v1.0.1
                replicas: 2
              service_b:
                git_rev: v2.0.0
            prod:
              log_level: warn
              service_a:
                git_rev: v1.0.1
                replicas: 3
            """;

    static final String TAGS = """
            service_a:
              v1.0.1: registry.example.com/service_a:101
              v1.0.2: registry.example.com/service_a:102
            service_b:
              v2.0.0: registry.example.com/service_b:200
            """;

    /** One ConfigMap per service; an environment without services renders nothing. */
    static final String MAIN_JSONNET = """
            function(state) [
              {
                apiVersion: 'v1',
                kind: 'ConfigMap',
                metadata: { name: state.services[s].k8sName + '-config' },
                data: {
                  environment: state.environment,
                  image: state.services[s].image,
                  log_level: state.params.log_level,
                },
              }
              for s in std.objectFields(state.services)
            ]
            """;

    /** Every shared file plus every environment's env file (as an unpacked Argo CD checkout has on one branch). */
    static Map<String, String> centralRepo() {
        Map<String, String> f = new TreeMap<>();
        f.put("gitops.yaml", GITOPS_YAML);
        f.put("control-center.yaml", CONTROL_CENTER);
        f.put("tags.yaml", TAGS);
        f.put("templates/main.jsonnet", MAIN_JSONNET);
        for (String env : List.of("dev", "preprod", "prod")) {
            f.put("env-" + env + ".yaml", "vpc_id: vpc-" + env + "\n");
        }
        return f;
    }

    /**
     * A bare repository with the fixture on three branches: dev with env-dev.yaml, and preprod and
     * prod branched from it, each with its own env file instead of dev's.
     */
    static TempRepo bareCentralRepo() {
        TempRepo repo = TempRepo.createBare("dev");
        Map<String, String> files = centralRepo();
        String base = repo.branch("dev").commit("initial").add("gitops.yaml", files.get("gitops.yaml"))
                .add("control-center.yaml", files.get("control-center.yaml")).add("tags.yaml", files.get("tags.yaml"))
                .add("templates/main.jsonnet", files.get("templates/main.jsonnet")).add("env-dev.yaml", "vpc_id: vpc-dev\n").create();
        for (String env : List.of("preprod", "prod")) {
            repo.branch(env).commit(env).from(base).rm("env-dev.yaml").add("env-" + env + ".yaml", "vpc_id: vpc-" + env + "\n").create();
        }
        return repo;
    }

    /** {@code args} then {@code --repo DIR}: picocli takes options after positionals, and subcommands (tag set) come first. */
    static String[] withRepo(String[] args, Path repo) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--repo";
        all[args.length + 1] = repo.toString();
        return all;
    }

    static Path write(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a YAML stream, empty ones skipped (as Argo CD's splitter does). */
    static List<JsonNode> yamlStream(String text) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = yaml.getFactory().createParser(text)) {
            var it = yaml.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    docs.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }
}
