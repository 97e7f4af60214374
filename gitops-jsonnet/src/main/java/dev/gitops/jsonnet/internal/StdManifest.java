package dev.gitops.jsonnet.internal;

import sjsonnet.EvalScope;
import sjsonnet.Position;
import sjsonnet.Val;

import java.util.ArrayList;
import java.util.List;

import java.util.regex.Pattern;

import static dev.gitops.jsonnet.internal.Builtins.NO_POS;
import static dev.gitops.jsonnet.internal.Builtins.fn;

/**
 * Manifestation functions that sjsonnet 0.4.9 lacks ({@code manifestTomlEx}, {@code manifestToml})
 * or offers without their documented parameters ({@code manifestJsonEx} without {@code newline} and
 * {@code key_val_sep}; {@code manifestYamlDoc}/{@code manifestYamlStream} without {@code quote_keys}
 * and {@code c_document_end}). Output follows go-jsonnet's builtins, numbers included.
 */
final class StdManifest {
    private StdManifest() {}

    private static final String YAML_INDENT = "  ";

    /** The function {@code std.<field>} of this class, built when a program first uses it ({@link StdAdditions}). */
    static Val.Func create(String field) {
        return switch (field) {
            case "manifestJsonEx" -> fn(new String[] {"value", "indent", "newline", "key_val_sep"},
                    new Val.Literal[] {null, null, new Val.Str(NO_POS, "\n"), new Val.Str(NO_POS, ": ")}, (a, ev, pos) -> {
                        StringBuilder b = new StringBuilder();
                        json(a[0], b, "", StdArgs.str(a[1], "manifestJsonEx", ev, pos), StdArgs.str(a[2], "manifestJsonEx", ev, pos),
                                StdArgs.str(a[3], "manifestJsonEx", ev, pos), new ArrayList<>(), ev, pos);
                        return Vals.str(pos, b.toString());
                    });
            case "manifestYamlDoc" -> fn(new String[] {"value", "indent_array_in_object", "quote_keys"},
                    new Val.Literal[] {null, new Val.False(NO_POS), new Val.True(NO_POS)}, (a, ev, pos) -> {
                        StringBuilder b = new StringBuilder();
                        yaml(a[0], b, "", StdArgs.bool(a[1], "manifestYamlDoc", ev, pos), StdArgs.bool(a[2], "manifestYamlDoc", ev, pos), ev, pos);
                        return Vals.str(pos, b.toString());
                    });
            case "manifestYamlStream" -> fn(new String[] {"value", "indent_array_in_object", "c_document_end", "quote_keys"},
                    new Val.Literal[] {null, new Val.False(NO_POS), new Val.True(NO_POS), new Val.True(NO_POS)}, (a, ev, pos) -> {
                        if (!(a[0] instanceof Val.Arr arr)) {
                            throw JsonnetErrors.error("std.manifestYamlStream only takes arrays, got " + StdArgs.type(a[0]), pos, ev);
                        }
                        boolean indentArrays = StdArgs.bool(a[1], "manifestYamlStream", ev, pos);
                        boolean quoteKeys = StdArgs.bool(a[3], "manifestYamlStream", ev, pos);
                        StringBuilder b = new StringBuilder("---\n");
                        for (int i = 0; i < arr.length(); i++) {
                            if (i > 0) {
                                b.append("\n---\n");
                            }
                            yaml(arr.force(i), b, "", indentArrays, quoteKeys, ev, pos);
                        }
                        b.append(StdArgs.bool(a[2], "manifestYamlStream", ev, pos) ? "\n...\n" : "\n");
                        return Vals.str(pos, b.toString());
                    });
            case "manifestTomlEx" -> fn("value", "indent", (v, ind, ev, pos) ->
                    Vals.str(pos, toml(v, StdArgs.str(ind, "manifestTomlEx", ev, pos), ev, pos)));
            case "manifestToml" -> fn("value", (v, ev, pos) -> Vals.str(pos, toml(v, "  ", ev, pos)));
            default -> throw new IllegalArgumentException("std." + field + " is not built by StdManifest");
        };
    }

    // ---- JSON (go-jsonnet builtinManifestJSONEx) -------------------------------------------------

    private static void json(Val v, StringBuilder b, String cindent, String indent, String newline, String kvSep,
                             List<String> path, EvalScope ev, Position pos) {
        if (v instanceof Val.Null) {
            b.append("null");
        } else if (v instanceof Val.True) {
            b.append("true");
        } else if (v instanceof Val.False) {
            b.append("false");
        } else if (v instanceof Val.Num n) {
            b.append(GoFormat.shortest(n.value()));
        } else if (v instanceof Val.Str s) {
            dev.gitops.model.Value.appendJsonString(s.value(), b);
        } else if (v instanceof Val.Arr a) {
            String inner = cindent + indent;
            b.append('[').append(newline);
            for (int i = 0; i < a.length(); i++) {
                if (i > 0) {
                    b.append(',').append(newline);
                }
                b.append(inner);
                path.add(Integer.toString(i));
                json(a.force(i), b, inner, indent, newline, kvSep, path, ev, pos);
                path.remove(path.size() - 1);
            }
            b.append(newline).append(cindent).append(']');
        } else if (v instanceof Val.Obj o) {
            o.triggerAllAsserts(o);
            String inner = cindent + indent;
            b.append('{').append(newline);
            String[] names = StdArgs.fields(o, false);
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    b.append(',').append(newline);
                }
                b.append(inner);
                dev.gitops.model.Value.appendJsonString(names[i], b);
                b.append(kvSep);
                path.add(names[i]);
                json(StdArgs.field(o, names[i], pos, ev), b, inner, indent, newline, kvSep, path, ev, pos);
                path.remove(path.size() - 1);
            }
            b.append(newline).append(cindent).append('}');
        } else {
            throw JsonnetErrors.error("tried to manifest function at " + path, pos, ev);
        }
    }

    // ---- YAML (go-jsonnet builtinManifestYamlDoc) ------------------------------------------------
    // The key rule below is go-jsonnet's yamlBareSafe, not the project's YAML scalar rule
    // (dev.gitops.model.YamlScalars), on purpose: std.manifestYamlDoc is a Jsonnet function whose
    // text the conformance suite compares byte for byte with go-jsonnet's. The rules differ both
    // ways: go-jsonnet quotes keys that ours writes plain (`a b`, `a:b`, `1-2-3`, any key with a
    // `0x`-like run such as `ab0x1`) and writes plain a key ours quotes (`0o17`, a YAML 1.2 octal);
    // string values it always writes JSON-quoted.

    private static final Pattern TIMESTAMP = Pattern.compile("^(?:[0-9]*-){2}[0-9]*$");
    private static final Pattern BINARY = Pattern.compile("^[-+]?0b[0-1_]+$");
    private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
    // YAML 1.1 numbers may carry '_' between digits (-1_0, 685_230.15): such keys are quoted too.
    private static final Pattern INTEGER = Pattern.compile("^[+-]?(?=[0-9_]*[0-9])[0-9_]+$");
    private static final Pattern FLOAT = Pattern.compile(
            "^[+-]?(?:(?=[0-9_.]*[0-9])(?:[0-9_]+\\.?[0-9_]*|\\.[0-9_]+)(?:[eE][+-]?[0-9]+)?|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN])$");
    private static final String[] RESERVED = {"true", "false", "yes", "no", "on", "off", "y", "n",
        ".nan", "-.inf", "+.inf", ".inf", "null", "-", "---", "''"};

    /** Whether a key can be written without quotes (go-jsonnet's {@code yamlBareSafe}). */
    static boolean bareSafe(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '/' || c == '.';
            if (!ok) {
                return false;
            }
        }
        for (String r : RESERVED) {
            if (r.equalsIgnoreCase(s)) {
                return false;
            }
        }
        return !(TIMESTAMP.matcher(s).matches() || BINARY.matcher(s).matches() || HEX.matcher(s).find()
                || INTEGER.matcher(s).matches() || FLOAT.matcher(s).matches());
    }

    private static void yaml(Val v, StringBuilder b, String cindent, boolean indentArrays, boolean quoteKeys, EvalScope ev, Position pos) {
        if (v instanceof Val.Null) {
            b.append("null");
        } else if (v instanceof Val.True) {
            b.append("true");
        } else if (v instanceof Val.False) {
            b.append("false");
        } else if (v instanceof Val.Num n) {
            b.append(GoFormat.shortest(n.value()));
        } else if (v instanceof Val.Str s) {
            String t = s.value();
            if (t.isEmpty()) {
                b.append("\"\"");
            } else if (t.endsWith("\n")) {
                b.append('|');
                for (String line : t.substring(0, t.length() - 1).split("\n", -1)) {
                    b.append('\n').append(cindent).append(YAML_INDENT).append(line);
                }
            } else {
                dev.gitops.model.Value.appendJsonString(t, b);
            }
        } else if (v instanceof Val.Arr a) {
            if (a.length() == 0) {
                b.append("[]");
                return;
            }
            for (int i = 0; i < a.length(); i++) {
                if (i > 0) {
                    b.append('\n').append(cindent);
                }
                Val e = a.force(i);
                b.append('-');
                if (e instanceof Val.Arr ea && ea.length() > 0) {
                    b.append('\n').append(cindent).append(YAML_INDENT);
                } else {
                    b.append(' ');
                }
                String inner = (e instanceof Val.Arr || e instanceof Val.Obj) ? cindent + YAML_INDENT : cindent;
                yaml(e, b, inner, indentArrays, quoteKeys, ev, pos);
            }
        } else if (v instanceof Val.Obj o) {
            o.triggerAllAsserts(o);
            String[] names = StdArgs.fields(o, false);
            if (names.length == 0) {
                b.append("{}");
                return;
            }
            for (int i = 0; i < names.length; i++) {
                Val fv = StdArgs.field(o, names[i], pos, ev);
                if (i > 0) {
                    b.append('\n').append(cindent);
                }
                if (quoteKeys || !bareSafe(names[i])) {
                    dev.gitops.model.Value.appendJsonString(names[i], b);
                } else {
                    b.append(names[i]);
                }
                b.append(':');
                String inner = cindent;
                if (fv instanceof Val.Arr fa && fa.length() > 0) {
                    b.append('\n').append(cindent);
                    if (indentArrays) {
                        b.append(YAML_INDENT);
                        inner = cindent + YAML_INDENT;
                    }
                } else if (fv instanceof Val.Obj fo) {
                    if (fo.visibleKeyNames().length > 0) {
                        b.append('\n').append(cindent).append(YAML_INDENT);
                        inner = cindent + YAML_INDENT;
                    } else {
                        b.append(' ');
                    }
                } else {
                    b.append(' ');
                }
                yaml(fv, b, inner, indentArrays, quoteKeys, ev, pos);
            }
        } else {
            throw JsonnetErrors.error("tried to manifest function", pos, ev);
        }
    }

    // ---- TOML (the standard library's manifestTomlEx) --------------------------------------------

    private static String toml(Val v, String indent, EvalScope ev, Position pos) {
        if (!(v instanceof Val.Obj o)) {
            throw JsonnetErrors.error("TOML body must be an object. Got " + StdArgs.type(v), pos, ev);
        }
        return tomlTableInternal(o, new ArrayList<>(), new ArrayList<>(), "", indent, ev, pos);
    }

    private static boolean isTableArray(Val v) {
        if (!(v instanceof Val.Arr a) || a.length() == 0) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (!(a.force(i) instanceof Val.Obj)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSection(Val v) {
        return v instanceof Val.Obj || isTableArray(v);
    }

    private static String tomlKey(String k) {
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            boolean bare = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!bare) {
                return StdText.escapeJson(k);
            }
        }
        return k;
    }

    private static String tomlValue(Val v, List<Object> indexedPath, boolean inline, String cindent, String indent,
                                    EvalScope ev, Position pos) {
        if (v instanceof Val.True) {
            return "true";
        }
        if (v instanceof Val.False) {
            return "false";
        }
        if (v instanceof Val.Null) {
            throw JsonnetErrors.error("Tried to manifest \"null\" at " + indexedPath, pos, ev);
        }
        if (v instanceof Val.Num n) {
            return GoFormat.shortest(n.value());
        }
        if (v instanceof Val.Str s) {
            return StdText.escapeJson(s.value());
        }
        if (v instanceof Val.Func) {
            throw JsonnetErrors.error("Tried to manifest function at " + indexedPath, pos, ev);
        }
        if (v instanceof Val.Arr a) {
            if (a.length() == 0) {
                return "[]";
            }
            String newIndent = inline ? "" : cindent + indent;
            String sep = inline ? " " : "\n";
            StringBuilder b = new StringBuilder("[").append(sep);
            for (int i = 0; i < a.length(); i++) {
                if (i > 0) {
                    b.append(',').append(sep);
                }
                List<Object> p = new ArrayList<>(indexedPath);
                p.add(i);
                b.append(newIndent).append(tomlValue(a.force(i), p, true, "", indent, ev, pos));
            }
            return b.append(sep).append(inline ? "" : cindent).append(']').toString();
        }
        Val.Obj o = (Val.Obj) v;
        StringBuilder b = new StringBuilder("{ ");
        String[] names = StdArgs.fields(o, false);
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            List<Object> p = new ArrayList<>(indexedPath);
            p.add(names[i]);
            b.append(tomlKey(names[i])).append(" = ").append(tomlValue(StdArgs.field(o, names[i], pos, ev), p, true, "", indent, ev, pos));
        }
        return b.append(" }").toString();
    }

    private static String tomlTableInternal(Val.Obj v, List<String> path, List<Object> indexedPath, String cindent, String indent,
                                            EvalScope ev, Position pos) {
        String[] names = StdArgs.fields(v, false);
        List<String> kvp = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        for (String k : names) {
            Val fv = StdArgs.field(v, k, pos, ev);
            List<Object> p = new ArrayList<>(indexedPath);
            p.add(k);
            if (!isSection(fv)) {
                kvp.add(cindent + tomlKey(k) + " = " + tomlValue(fv, p, false, cindent, indent, ev, pos));
            }
        }
        sections.add(String.join("\n", kvp));
        for (String k : names) {
            Val fv = StdArgs.field(v, k, pos, ev);
            if (!isSection(fv)) {
                continue;
            }
            List<String> sp = new ArrayList<>(path);
            sp.add(k);
            List<Object> ip = new ArrayList<>(indexedPath);
            ip.add(k);
            if (fv instanceof Val.Obj fo) {
                sections.add(tomlTable(fo, sp, ip, cindent, indent, ev, pos));
            } else {
                sections.add(tomlTableArray((Val.Arr) fv, sp, ip, cindent, indent, ev, pos));
            }
        }
        return String.join("\n\n", sections);
    }

    private static String header(List<String> path) {
        List<String> keys = new ArrayList<>(path.size());
        for (String p : path) {
            keys.add(tomlKey(p));
        }
        return String.join(".", keys);
    }

    private static String tomlTable(Val.Obj v, List<String> path, List<Object> indexedPath, String cindent, String indent,
                                    EvalScope ev, Position pos) {
        return cindent + "[" + header(path) + "]" + (v.visibleKeyNames().length == 0 ? "" : "\n")
                + tomlTableInternal(v, path, indexedPath, cindent + indent, indent, ev, pos);
    }

    private static String tomlTableArray(Val.Arr v, List<String> path, List<Object> indexedPath, String cindent, String indent,
                                         EvalScope ev, Position pos) {
        List<String> sections = new ArrayList<>();
        for (int i = 0; i < v.length(); i++) {
            Val.Obj e = (Val.Obj) v.force(i);
            List<Object> ip = new ArrayList<>(indexedPath);
            ip.add(i);
            sections.add(cindent + "[[" + header(path) + "]]" + (e.visibleKeyNames().length == 0 ? "" : "\n")
                    + tomlTableInternal(e, path, ip, cindent + indent, indent, ev, pos));
        }
        return String.join("\n\n", sections);
    }
}
