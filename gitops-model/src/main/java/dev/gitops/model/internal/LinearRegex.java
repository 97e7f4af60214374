package dev.gitops.model.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every regular expression a repository supplies ({@code revisions.mutable} in gitops.yaml, the
 * {@code pattern} and {@code patternProperties} of its own JSON Schema) runs on RE2/J: time linear
 * in the input whatever the pattern, so a pattern such as {@code (.*a){20}b} cannot stall a
 * command. RE2 syntax is Java's without backreferences and lookaround.
 */
public final class LinearRegex {
    /** Compiled patterns by text; a repository has a handful, the cache stays small. */
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 1024;

    /** Most answers a schema pattern remembers, and the longest input it remembers one for. */
    private static final int REMEMBERED_ANSWERS = 1024;
    private static final int REMEMBERED_INPUT_CHARS = 256;

    /**
     * Applies JSON Schema {@code pattern}s (a search, not a whole match) with RE2/J. Each pattern
     * remembers its answer for short inputs: the services of a repository repeat their values
     * (quantities, variable names) and a new process runs RE2/J's matcher interpreted, so a
     * 50-service load spent about a tenth of its time matching the same strings again.
     */
    public static final RegularExpressionFactory SCHEMA_FACTORY = text -> {
        Pattern p = compile(text);
        Map<String, Boolean> answers = new ConcurrentHashMap<>();
        return (RegularExpression) s -> {
            if (s.length() > REMEMBERED_INPUT_CHARS) {
                return p.matcher(s).find();
            }
            Boolean known = answers.get(s);
            if (known != null) {
                return known;
            }
            boolean found = p.matcher(s).find();
            if (answers.size() < REMEMBERED_ANSWERS) {
                answers.put(s, found);
            }
            return found;
        };
    };

    private LinearRegex() {}

    /**
     * Compiles {@code text}.
     *
     * @throws IllegalArgumentException with RE2/J's description when it is not a valid pattern
     */
    public static Pattern compile(String text) {
        Pattern p = CACHE.get(text);
        if (p != null) {
            return p;
        }
        try {
            p = Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription()
                    + (e.getPattern().equals(text) ? "" : " at '" + e.getPattern() + "'"), e);
        }
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(text, p);
        }
        return p;
    }

    /** Why {@code text} is not a valid pattern, or empty when it is. */
    public static Optional<String> problem(String text) {
        try {
            compile(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Whether {@code text} matches the whole of {@code input}. */
    public static boolean matchesWhole(String text, String input) {
        return compile(text).matches(input);
    }
}
