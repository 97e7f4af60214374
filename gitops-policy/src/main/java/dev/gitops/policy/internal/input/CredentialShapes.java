package dev.gitops.policy.internal.input;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a named value looks like a credential, and why (without the value). Plain code, no
 * regular expressions: the inputs are the user's.
 *
 * <ul>
 *   <li>its name ends with PASSWORD, SECRET, TOKEN, API_KEY or PRIVATE_KEY (any case; {@code -} and
 *       {@code .} read as {@code _});</li>
 *   <li>it holds an AWS access key id: {@code AKIA}, {@code ASIA}, {@code ABIA} or {@code ACCA}
 *       followed by 16 upper-case letters or digits (AWS IAM User Guide, "Unique identifiers");</li>
 *   <li>it holds a PEM private key header ({@code -----BEGIN ... PRIVATE KEY-----}, RFC 7468);</li>
 *   <li>it is a long high-entropy token: at least {@value #MIN_TOKEN_LENGTH} characters of the
 *       base64/base64url alphabet with upper case, lower case and digits and a Shannon entropy of at
 *       least {@value #MIN_ENTROPY_BITS} bits per character (hex digests, at most 4.0, and words
 *       stay below).</li>
 * </ul>
 */
final class CredentialShapes {
    private CredentialShapes() {}

    private static final List<String> NAME_SUFFIXES = List.of("PASSWORD", "SECRET", "TOKEN", "API_KEY", "PRIVATE_KEY");
    private static final List<String> AWS_KEY_PREFIXES = List.of("AKIA", "ASIA", "ABIA", "ACCA");
    static final int MIN_TOKEN_LENGTH = 32;
    static final double MIN_ENTROPY_BITS = 4.2;

    /** Why {@code value} under {@code name} looks like a credential; empty when it does not. */
    static Optional<String> reason(String name, String value) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        String n = name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        for (String suffix : NAME_SUFFIXES) {
            if (n.endsWith(suffix)) {
                return Optional.of("its name ends with " + suffix);
            }
        }
        if (hasAwsAccessKeyId(value)) {
            return Optional.of("it holds an AWS access key id");
        }
        if (hasPemPrivateKey(value)) {
            return Optional.of("it holds a PEM private key");
        }
        if (isHighEntropyToken(value)) {
            return Optional.of("it is a long random-looking token");
        }
        return Optional.empty();
    }

    static boolean hasAwsAccessKeyId(String v) {
        for (int i = 0; i + 20 <= v.length(); i++) {
            if (AWS_KEY_PREFIXES.contains(v.substring(i, i + 4)) && (i == 0 || !isUpperAlnum(v.charAt(i - 1)))
                    && (i + 20 == v.length() || !isUpperAlnum(v.charAt(i + 20)))) {
                boolean rest = true;
                for (int j = i + 4; j < i + 20 && rest; j++) {
                    rest = isUpperAlnum(v.charAt(j));
                }
                if (rest) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isUpperAlnum(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean hasPemPrivateKey(String v) {
        int begin = v.indexOf("-----BEGIN ");
        while (begin >= 0) {
            int end = v.indexOf("-----", begin + 11);
            if (end > 0 && v.substring(begin + 11, end).endsWith("PRIVATE KEY")) {
                return true;
            }
            begin = v.indexOf("-----BEGIN ", begin + 1);
        }
        return false;
    }

    static boolean isHighEntropyToken(String v) {
        if (v.length() < MIN_TOKEN_LENGTH) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '+' && c != '/' && c != '=' && c != '_' && c != '-') {
                return false;   // text, URLs, host names, ARNs: not a token
            }
            counts.merge(c, 1, Integer::sum);
        }
        if (!(upper && lower && digit)) {
            return false;
        }
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / v.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits >= MIN_ENTROPY_BITS;
    }
}
