package dev.gitops.policy.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitops.model.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typing rendered objects through fabric8: what is reported, where, and never with the value. */
class TypedObjectsTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static Value.Obj obj(String json) throws Exception {
        return (Value.Obj) Value.fromJava(JSON.readValue(json.replace('\'', '"'), Object.class));
    }

    static final String DEPLOYMENT = "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'a','namespace':'n',"
            + "'labels':{'app':'a'},'annotations':{'argocd.argoproj.io/sync-wave':'1'}},"
            + "'spec':{'replicas':2,'selector':{'matchLabels':{'app':'a'}},'template':{'metadata':{'labels':{'app':'a'}},"
            + "'spec':{'containers':[{'name':'app','image':'r/a:1','ports':[{'containerPort':8080}],"
            + "'resources':{'limits':{'cpu':'500m','memory':'512Mi'},'requests':{'cpu':0.1,'memory':'256Mi'}},"
            + "'env':[{'name':'X','value':'1'}],'readinessProbe':{'httpGet':{'path':'/ready','port':'http'}}}]}}}}";

    static List<TypedObjects.Problem> check(String apiVersion, String kind, String json) throws Exception {
        return TypedObjects.check(apiVersion, kind, obj(json));
    }

    @Test
    void validDeployment_hasNoProblems() throws Exception {
        assertEquals(List.of(), check("apps/v1", "Deployment", DEPLOYMENT));
    }

    @Test
    void unknownKind_isNotChecked() throws Exception {
        assertEquals(List.of(), check("example.com/v1", "Widget", "{'spec':{'anything':1}}"));
    }

    @Test
    void unknownFields_reportedAtTheirPointerWithSuggestion() throws Exception {
        List<TypedObjects.Problem> p = check("apps/v1", "Deployment", DEPLOYMENT
                .replace("'selector'", "'selectr'")
                .replace("'image':'r/a:1'", "'image':'r/a:1','imagePullPolicyy':'Always'"));
        assertEquals(List.of("/spec/selectr", "/spec/template/spec/containers/0/imagePullPolicyy"),
                p.stream().map(TypedObjects.Problem::pointer).toList());
        assertTrue(p.get(0).message().contains("unknown field 'selectr'") && p.get(0).message().contains("'selector'"), p.toString());
        assertTrue(p.get(1).message().contains("'imagePullPolicy'"), p.toString());
    }

    @Test
    void wrongTypes_reportedWithoutTheValue() throws Exception {
        List<TypedObjects.Problem> p = check("apps/v1", "Deployment", DEPLOYMENT.replace("'replicas':2", "'replicas':'two-secret'"));
        assertEquals(1, p.size());
        assertEquals("/spec/replicas", p.get(0).pointer());
        assertTrue(p.get(0).message().contains("expected an integer, found a string"), p.get(0).message());
        assertFalse(p.get(0).message().contains("two-secret"));

        p = check("apps/v1", "Deployment", DEPLOYMENT.replace("'replicas':2", "'replicas':2.5"));
        assertEquals("/spec/replicas", p.get(0).pointer());

        p = check("apps/v1", "Deployment", DEPLOYMENT.replace("'containerPort':8080", "'containerPort':true"));
        assertEquals("/spec/template/spec/containers/0/ports/0/containerPort", p.get(0).pointer());

        p = check("v1", "ConfigMap", "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'k':1}}");
        assertEquals("/data/k", p.get(0).pointer());
    }

    @Test
    void integerTooLargeForItsField_isReported() throws Exception {
        List<TypedObjects.Problem> p = check("apps/v1", "Deployment", DEPLOYMENT.replace("'replicas':2", "'replicas':99999999999"));
        assertEquals(1, p.size(), p.toString());
        assertEquals("/spec/replicas", p.get(0).pointer());
    }

    @Test
    void quantityAndIntOrString_acceptBothShapes() throws Exception {
        assertEquals(List.of(), check("apps/v1", "Deployment", DEPLOYMENT.replace("'port':'http'", "'port':8080")
                .replace("'cpu':'500m'", "'cpu':1")));
    }

    @Test
    void secretData_problemsNeverCarryValues() throws Exception {
        List<TypedObjects.Problem> p = check("v1", "Secret",
                "{'apiVersion':'v1','kind':'Secret','metadata':{'name':'s'},'data':{'password':['hunter2']}}");
        assertEquals(1, p.size());
        assertFalse(p.get(0).message().contains("hunter2"));
    }

    @Test
    void nestedUnknownFieldsInLists_eachReported() throws Exception {
        List<TypedObjects.Problem> p = check("v1", "Service",
                "{'apiVersion':'v1','kind':'Service','metadata':{'name':'s'},'spec':{'ports':[{'port':80},{'port':81,'prot':'TCP'}],'typo':1}}");
        assertEquals(List.of("/spec/ports/1/prot", "/spec/typo"), p.stream().map(TypedObjects.Problem::pointer).sorted().toList());
    }

    @Test
    void pointerSegments_areEscaped() throws Exception {
        List<TypedObjects.Problem> p = check("v1", "Service",
                "{'apiVersion':'v1','kind':'Service','metadata':{'name':'s'},'spec':{'a/b~c':1}}");
        assertEquals("/spec/a~1b~0c", p.get(0).pointer());
    }
}
