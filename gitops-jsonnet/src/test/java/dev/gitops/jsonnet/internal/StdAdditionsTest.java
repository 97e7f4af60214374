package dev.gitops.jsonnet.internal;

import org.junit.jupiter.api.Test;
import sjsonnet.Val;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The std object's own functions are listed once ({@link StdAdditions#fields()}), each builds, and
 * each is built only when a program first reads it.
 */
class StdAdditionsTest {

    @Test
    void everyListedField_buildsAFunction_andStdHasItAsAHiddenField() {
        GitopsStd std = new GitopsStd();
        Val.Obj object = std.Std();
        for (String field : StdAdditions.fields()) {
            assertNotNull(std.function(field), field);
            assertTrue(object.containsKey(field) && !object.containsVisibleKey(field), field);
        }
        assertTrue(object.containsKey("pi") && object.containsKey("thisFile") && object.containsKey("objectFields"));
    }

    @Test
    void functions_areBuiltWhenFirstRead_once() {
        GitopsStd std = new GitopsStd();
        std.Std();
        assertEquals(Set.of(), std.builtFields());
        Val.Func trim = std.function("trim");
        assertEquals(Set.of("trim"), std.builtFields());
        assertSame(trim, std.function("trim"));
        std.function("objectFields"); // sjsonnet's own: nothing to build
        assertEquals(Set.of("trim"), std.builtFields());
    }

    @Test
    void manifestJson_isBuiltOnThisEnginesManifestJsonEx() {
        GitopsStd std = new GitopsStd();
        std.function("manifestJson");
        assertEquals(Set.of("manifestJson", "manifestJsonEx"), std.builtFields());
    }

    @Test
    void natives_areTheTwoDocumented_andNothingElse() {
        GitopsStd std = new GitopsStd();
        assertNotNull(std.nativeFunction("parseYaml"));
        assertNotNull(std.nativeFunction("sha256"));
        assertSame(std.nativeFunction("parseYaml"), std.function("parseYaml"));
        assertNull(std.nativeFunction("exec"));
    }

    @Test
    void aFieldNotListed_isRefusedByEveryBuilder() {
        assertThrows(IllegalArgumentException.class, () -> StdAdditions.create("objectFields", new GitopsStd()));
        assertThrows(IllegalArgumentException.class, () -> StdText.create("objectFields"));
        assertThrows(IllegalArgumentException.class, () -> StdCollections.create("trim"));
        assertThrows(IllegalArgumentException.class, () -> StdManifest.create("trim"));
        assertThrows(IllegalArgumentException.class, () -> StdCodePoints.create("trim", new GitopsStd()));
    }

    /**
     * A {@code case "f" ->} in a builder whose field is missing from the list would be a function no
     * program can reach: the list and the builders' cases are read from the sources and compared.
     */
    @Test
    void theBuildersCases_areExactlyTheListedFields() throws IOException {
        Path dir = Path.of("src/main/java/dev/gitops/jsonnet/internal");
        Pattern label = Pattern.compile("^ {12}case (\"[A-Za-z0-9]+\"(?:, \"[A-Za-z0-9]+\")*) ->", Pattern.MULTILINE);
        Set<String> cases = new TreeSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String builder : List.of("StdAdditions", "StdCollections", "StdText", "StdManifest", "StdCodePoints")) {
            String source = Files.readString(dir.resolve(builder + ".java"));
            if (builder.equals("StdAdditions")) { // its cases after own(): createNative's are natives, not fields
                source = source.substring(source.indexOf("private static Val.Func own("));
            }
            Matcher m = label.matcher(source);
            while (m.find()) {
                for (String quoted : m.group(1).split(", ")) {
                    if (!cases.add(quoted.substring(1, quoted.length() - 1))) {
                        duplicates.add(quoted);
                    }
                }
            }
        }
        assertEquals(List.of(), duplicates);
        assertEquals(new TreeSet<>(StdAdditions.fields()), cases);
        assertFalse(cases.isEmpty());
    }
}
