package dev.gitops.policy;

import dev.gitops.model.State;
import dev.gitops.policy.internal.Attribution;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.gitops.policy.TestObjects.manifests;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which service a rendered object belongs to: label first, then name, then the longest name prefix. */
class AttributionTest {
    private static final State DEV = TestRepo.standard()
            .service("dev", "svc", "v1").service("dev", "svc_orders", "v1").service("dev", "svc_orders_db", "v1")
            .tagged("svc", "v1").tagged("svc_orders", "v1").tagged("svc_orders_db", "v1")
            .build().resolve("dev");

    private static Attribution of(String... json) {
        return Attribution.of(DEV, manifests(json));
    }

    private static String cm(String name, String labels) {
        return "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'" + name + "','namespace':'dev'"
                + (labels == null ? "" : ",'labels':" + labels) + "}}";
    }

    @Test
    void label_winsOverName() {
        assertEquals(Optional.of("svc"), of(cm("svc-orders-config", "{'app.kubernetes.io/name':'svc'}")).service("ConfigMap/dev/svc-orders-config"));
        assertEquals(Optional.of("svc_orders"), of(cm("x", "{'app':'svc-orders'}")).service("ConfigMap/dev/x"));
    }

    @Test
    void exactName_thenLongestPrefixBeforeADash() {
        assertEquals(Optional.of("svc_orders"), of(cm("svc-orders", null)).service("ConfigMap/dev/svc-orders"));
        assertEquals(Optional.of("svc_orders_db"), of(cm("svc-orders-db-config", null)).service("ConfigMap/dev/svc-orders-db-config"));
        assertEquals(Optional.of("svc_orders"), of(cm("svc-orders-dbx", null)).service("ConfigMap/dev/svc-orders-dbx"));
        assertEquals(Optional.of("svc"), of(cm("svc-x-y", null)).service("ConfigMap/dev/svc-x-y"));
    }

    @Test
    void noMatch_belongsToNoService() {
        assertEquals(Optional.empty(), of(cm("svcx-orders", null)).service("ConfigMap/dev/svcx-orders"));
        assertEquals(Optional.empty(), of(cm("-svc", null)).service("ConfigMap/dev/-svc"));
        assertEquals(Optional.empty(), of(cm("shared", "{'app':'unknown'}")).service("ConfigMap/dev/shared"));
    }
}
