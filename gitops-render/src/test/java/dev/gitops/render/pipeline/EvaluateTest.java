package dev.gitops.render.pipeline;

import dev.gitops.model.GitopsConfig;
import dev.gitops.model.TemplateApi;
import dev.gitops.model.Value;
import dev.gitops.render.RenderException;
import dev.gitops.render.RenderOptions;
import dev.gitops.jsonnet.Jsonnet;
import dev.gitops.jsonnet.JsonnetLimits;
import dev.gitops.jsonnet.JsonnetRequest;
import dev.gitops.render.internal.pipeline.Evaluate;
import dev.gitops.render.templates.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluateTest {
    private static Value apply(Fixtures.Env env, Evaluate.Arguments tla) {
        return Evaluate.apply(Evaluate.scope(env.snapshot()), JsonnetLimits.DEFAULT, Evaluate.entrypoint(env.snapshot()), tla, o -> { });
    }

    @Test
    void entrypoint_fileInTheRepository_isUsed() {
        Fixtures.Env env = new Fixtures.Env("dev").file("templates/main.jsonnet", "{}");
        assertEquals(new Evaluate.Entrypoint("templates/main.jsonnet", Optional.of("templates/main.jsonnet")),
                Evaluate.entrypoint(env.snapshot()));
    }

    @Test
    void entrypoint_missingFile_fallsBackToTheBuiltinDefault() {
        Fixtures.Env env = new Fixtures.Env("dev").file("templates/lib/x.libsonnet", "{}");
        Evaluate.Entrypoint e = Evaluate.entrypoint(env.snapshot());
        assertTrue(e.builtin());
        assertEquals(Evaluate.BUILTIN_NAME, e.display());
        assertTrue(Evaluate.builtinCode().contains("import 'gitops.libsonnet'"));
    }

    @Test
    void entrypoint_gitopsYamlSetting_isHonoured() {
        Fixtures.Env env = new Fixtures.Env("dev")
                .templates(new GitopsConfig.TemplateConfig("deploy", "deploy/env.jsonnet", List.of()))
                .file("deploy/env.jsonnet", "{}").file("templates/main.jsonnet", "{}");
        assertEquals(Optional.of("deploy/env.jsonnet"), Evaluate.entrypoint(env.snapshot()).file());
    }

    @Test
    void topLevelArguments_isTheTemplateApiValue() {
        Fixtures.Env env = Fixtures.kitchenSink();
        Evaluate.Arguments tla = Evaluate.topLevelArguments(env.state());
        assertEquals(Map.of("state", TemplateApi.toValue(env.state())), tla.values());
        assertEquals(Map.of(), tla.code());
    }

    @Test
    void apply_stateAsAValue_givesTheTemplatesWhatParsingItsJsonGives() {
        // The State skips JSON: every field, type and number must still be what `state` parsed from
        // its JSON text would be, which this template makes visible (types, exact numbers, order-free fields).
        Fixtures.Env env = Fixtures.kitchenSink().file("templates/main.jsonnet", """
                function(state) {
                  local walk(v) = if std.isObject(v) then { [k]: walk(v[k]) for k in std.objectFields(v) }
                                  else if std.isArray(v) then [walk(x) for x in v]
                                  else { t: std.type(v), s: std.toString(v) },
                  state: walk(state),
                  fields: std.objectFieldsAll(state),
                  json: std.manifestJsonMinified(state),
                }
                """);
        Value viaValue = apply(env, Evaluate.topLevelArguments(env.state()));
        Value viaJson = Evaluate.value(Jsonnet.evaluate(JsonnetRequest.file(Evaluate.scope(env.snapshot()), "templates/main.jsonnet")
                .withTla(Map.of("state", JsonnetRequest.Argument.code(TemplateApi.toValue(env.state()).toJson())))));
        assertEquals(viaJson, viaValue);
        assertTrue(viaValue.toJson().contains("\"t\":\"number\""), "the kitchen sink has numbers");
    }

    @Test
    void topLevelArguments_extraCodeBesideTheStateValue_reachesTheEntrypoint() {
        Fixtures.Env env = Fixtures.kitchenSink().file("templates/main.jsonnet", "function(state, region='x', tags=[]) { r: region, t: tags, e: state.environment }");
        Evaluate.Arguments tla = Evaluate.topLevelArguments(env.state(), Evaluate.entrypoint(env.snapshot()),
                Map.of("region", "'eu'", "tags", "['a']"));
        Value v = apply(env, tla);
        assertEquals(Values.json("{r: 'eu', t: ['a'], e: 'dev'}"), v);
    }

    @Test
    void apply_givesTheTemplateTheStateArgument() {
        Fixtures.Env env = Fixtures.kitchenSink().file("templates/main.jsonnet",
                "function(state) { env: state.environment, ns: state.namespace, image: state.services.service_rpps.image }");
        Value v = apply(env, Evaluate.topLevelArguments(env.state()));
        assertEquals(Values.json("{env: 'dev', ns: 'payments-dev', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/service_rpps:59'}"), v);
    }

    @Test
    void apply_builtinEntrypoint_evaluatesTheLibrary() {
        Fixtures.Env env = new Fixtures.Env("dev").param("a", Value.of("b"));
        Value v = apply(env, Evaluate.topLevelArguments(env.state()));
        Value.Obj params = (Value.Obj) ((Value.Obj) ((Value.Obj) v).fields().get("environment")).fields().get("params");
        assertEquals(Value.of("ConfigMap"), params.fields().get("kind"));
    }

    @Test
    void apply_jsonnetError_carriesFileLineAndColumn() {
        Fixtures.Env env = new Fixtures.Env("dev").file("templates/main.jsonnet", "function(state)\n  error 'boom'\n");
        RenderException e = assertThrows(RenderException.class,
                () -> apply(env, Evaluate.topLevelArguments(env.state())));
        assertEquals("templates/main.jsonnet", e.problems().get(0).location().file());
        assertEquals(2, e.problems().get(0).location().line());
        assertTrue(e.problems().get(0).message().startsWith("boom"), e.problems().get(0).message());
    }
}
