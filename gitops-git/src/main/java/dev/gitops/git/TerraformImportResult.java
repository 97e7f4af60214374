package dev.gitops.git;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.PromotionVerdict;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link CentralRepo#importTerraform}. No variant ever carries an output's value.
 */
public sealed interface TerraformImportResult permits TerraformImportResult.Imported,
        TerraformImportResult.DryRun, TerraformImportResult.Blocked, TerraformImportResult.NoChange, TerraformImportResult.SensitiveRefused, TerraformImportResult.Invalid,
        TerraformImportResult.Refused, TerraformImportResult.LostRaces, TerraformImportResult.Failed {

    /**
     * Whether the CLI should exit 0.
     *
     * @return true on success
     */
    default boolean succeeded() {
        return this instanceof Imported || this instanceof NoChange
                || (this instanceof DryRun d && d.verdict().allowed());
    }

    /**
     * env-&lt;env&gt;.yaml was written on the environment's branch.
     *
     * @param branch the branch
     * @param commit the new commit
     * @param file the file written
     * @param outputs the names written, in file order
     * @param skippedSensitive sensitive outputs left out (with skip-sensitive)
     * @param changes every output before and after, in name order
     * @param acknowledged the acknowledgements the gate used (recorded as {@code Acknowledged:} trailers)
     */
    record Imported(String branch, String commit, String file, List<String> outputs, List<String> skippedSensitive,
                    List<OutputChange> changes, List<Acknowledgement> acknowledged)
            implements TerraformImportResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param branch the branch
         * @param commit the new commit
         * @param file the file written
         * @param outputs the names written, in file order
         * @param skippedSensitive sensitive outputs left out (with skip-sensitive)
         * @param changes every output before and after, in name order
         * @param acknowledged the acknowledgements the gate used (recorded as {@code Acknowledged:} trailers)
         */
        public Imported {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(file, "file");
            outputs = List.copyOf(outputs);
            skippedSensitive = List.copyOf(skippedSensitive);
            changes = List.copyOf(changes);
            acknowledged = List.copyOf(acknowledged);
        }
    }

    /**
     * What an import would do; nothing was written.
     *
     * @param branch the branch
     * @param tip the branch's tip that was judged
     * @param file the file that would be written
     * @param changes every output before and after, in name order
     * @param skippedSensitive sensitive outputs that would be left out
     * @param verdict the gate's verdict; its report is the manifest diff
     */
    record DryRun(String branch, String tip, String file, List<OutputChange> changes, List<String> skippedSensitive,
                  PromotionVerdict verdict) implements TerraformImportResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param branch the branch
         * @param tip the branch's tip that was judged
         * @param file the file that would be written
         * @param changes every output before and after, in name order
         * @param skippedSensitive sensitive outputs that would be left out
         * @param verdict the gate's verdict; its report is the manifest diff
         */
        public DryRun {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(tip, "tip");
            Objects.requireNonNull(file, "file");
            changes = List.copyOf(changes);
            skippedSensitive = List.copyOf(skippedSensitive);
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /**
     * The gate refused the import (a service loses an output it uses, the environment no longer
     * renders, ...); nothing was written.
     *
     * @param changes every output before and after, in name order
     * @param verdict the gate's verdict, with one line per blocking reason
     */
    record Blocked(List<OutputChange> changes, PromotionVerdict verdict) implements TerraformImportResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param changes every output before and after, in name order
         * @param verdict the gate's verdict, with one line per blocking reason
         */
        public Blocked {
            changes = List.copyOf(changes);
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /**
     * The file already holds exactly these outputs; no commit was made.
     *
     * @param branch the environment's branch
     * @param commit its tip, unchanged
     * @param skippedSensitive sensitive outputs left out, by name
     */
    record NoChange(String branch, String commit, List<String> skippedSensitive) implements TerraformImportResult {
        /**
         * Copies the collections and checks that no component is null.
         *
         * @param branch the environment's branch
         * @param commit its tip, unchanged
         * @param skippedSensitive sensitive outputs left out, by name
         */
        public NoChange {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
            skippedSensitive = List.copyOf(skippedSensitive);
        }
    }

    /**
     * Sensitive outputs were found and skip-sensitive was not given; nothing was written.
     *
     * @param names the sensitive outputs (names only)
     */
    record SensitiveRefused(List<String> names) implements TerraformImportResult {
        /**
         * Copies the collections.
         *
         * @param names the sensitive outputs (names only)
         */
        public SensitiveRefused {
            names = List.copyOf(names);
        }
    }

    /**
     * The input is not {@code terraform output -json}; each problem names the output, never its value.
     *
     * @param problems one line per problem
     */
    record Invalid(List<String> problems) implements TerraformImportResult {
        /**
         * Copies the collections.
         *
         * @param problems one line per problem
         */
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Unknown environment, missing branch, or a checked-out branch with local changes.
     *
     * @param reason why, for the user
     */
    record Refused(String reason) implements TerraformImportResult {
        /**
         * Checks that no component is null.
         *
         * @param reason why, for the user
         */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Every attempt lost its race; nothing was written. */
    record LostRaces(int attempts) implements TerraformImportResult {}

    /**
     * The remote rejected the push or could not be reached.
     *
     * @param reason the remote's answer or the connection error, without credentials
     */
    record Failed(String reason) implements TerraformImportResult {
        /**
         * Checks that no component is null.
         *
         * @param reason the remote's answer or the connection error, without credentials
         */
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
