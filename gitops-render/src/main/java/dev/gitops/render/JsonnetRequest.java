package dev.gitops.render;

import java.util.Map;
import java.util.Objects;

/**
 * The arguments of one {@code gitops jsonnet} evaluation, as the {@code jsonnet} command takes them.
 *
 * @param extStr {@code --ext-str name=value}: external variables bound to strings
 * @param extCode {@code --ext-code name=code}: external variables bound to Jsonnet code
 * @param tlaStr {@code --tla-str name=value}: top-level arguments bound to strings
 * @param tlaCode {@code --tla-code name=code}: top-level arguments bound to Jsonnet code
 * @param mode JSON, {@code -y} or {@code -m}
 * @param stringOutput {@code -S}: the result (or, with {@code -m}, each file's value) must be a string,
 *     written as it is instead of as JSON; not combinable with {@code -y}
 */
public record JsonnetRequest(Map<String, String> extStr, Map<String, String> extCode, Map<String, String> tlaStr,
                             Map<String, String> tlaCode, JsonnetOutputMode mode, boolean stringOutput) {
    public JsonnetRequest {
        extStr = Map.copyOf(Objects.requireNonNull(extStr, "extStr"));
        extCode = Map.copyOf(Objects.requireNonNull(extCode, "extCode"));
        tlaStr = Map.copyOf(Objects.requireNonNull(tlaStr, "tlaStr"));
        tlaCode = Map.copyOf(Objects.requireNonNull(tlaCode, "tlaCode"));
        Objects.requireNonNull(mode, "mode");
        for (String k : extStr.keySet()) {
            if (extCode.containsKey(k)) {
                throw new IllegalArgumentException("external variable '" + k + "' given both as --ext-str and --ext-code");
            }
        }
        for (String k : tlaStr.keySet()) {
            if (tlaCode.containsKey(k)) {
                throw new IllegalArgumentException("top-level argument '" + k + "' given both as --tla-str and --tla-code");
            }
        }
        if (stringOutput && mode == JsonnetOutputMode.YAML_STREAM) {
            throw new IllegalArgumentException("-S (string output) cannot be combined with -y (YAML stream)");
        }
    }

    /** Plain JSON output, no variables or arguments. */
    public static JsonnetRequest json() {
        return new JsonnetRequest(Map.of(), Map.of(), Map.of(), Map.of(), JsonnetOutputMode.JSON, false);
    }

    public JsonnetRequest withMode(JsonnetOutputMode m) {
        return new JsonnetRequest(extStr, extCode, tlaStr, tlaCode, m, stringOutput);
    }

    public JsonnetRequest withStringOutput(boolean s) {
        return new JsonnetRequest(extStr, extCode, tlaStr, tlaCode, mode, s);
    }

    public JsonnetRequest withExtStr(Map<String, String> m) {
        return new JsonnetRequest(m, extCode, tlaStr, tlaCode, mode, stringOutput);
    }

    public JsonnetRequest withExtCode(Map<String, String> m) {
        return new JsonnetRequest(extStr, m, tlaStr, tlaCode, mode, stringOutput);
    }

    public JsonnetRequest withTlaStr(Map<String, String> m) {
        return new JsonnetRequest(extStr, extCode, m, tlaCode, mode, stringOutput);
    }

    public JsonnetRequest withTlaCode(Map<String, String> m) {
        return new JsonnetRequest(extStr, extCode, tlaStr, m, mode, stringOutput);
    }
}
