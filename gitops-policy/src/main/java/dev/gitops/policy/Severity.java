package dev.gitops.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * How serious a {@link Finding} is. Errors make {@code gitops validate} fail and block a promotion;
 * warnings are shown (and block a promotion only for rules that need an acknowledgement,
 * {@link Rule#acknowledgeable()}); infos are shown.
 */
public enum Severity {
    /** Must be fixed (or waived in gitops.yaml). */
    ERROR,
    /** Should be looked at. */
    WARNING,
    /** For the record. */
    INFO;

    /**
     * The spelling in gitops.yaml and in reports: {@code error}, {@code warning}, {@code info}.
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The SARIF 2.1.0 {@code level}: {@code error}, {@code warning} or {@code note}.
     *
     * @return the SARIF level
     */
    public String sarifLevel() {
        return this == INFO ? "note" : label();
    }

    /**
     * Parses {@code error}, {@code warning} or {@code info} (case-insensitive).
     *
     * @param text the text
     * @return the severity, or empty for any other text
     */
    public static Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
