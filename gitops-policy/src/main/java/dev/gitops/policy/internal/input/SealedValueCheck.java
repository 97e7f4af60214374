package dev.gitops.policy.internal.input;

import dev.gitops.model.JsonPointer;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.SealedBlob;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code input/sealed-value}: every encryptedData value of the environment is a kubeseal ciphertext
 * for a {@link SealedBlob#DEFAULT_KEY_BITS}-bit key (kubeseal's and the controller's default); the
 * loader has refused anything that is no sealed value for any key size. The value is never shown.
 */
final class SealedValueCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.SEALED_VALUE;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        String file = snapshot.secrets().file();
        for (SealedSecretSpec spec : state.sealedSecrets().values()) {
            for (Map.Entry<String, String> e : spec.encryptedData().entrySet()) {
                if (SealedBlob.check(e.getValue(), OptionalInt.of(SealedBlob.DEFAULT_KEY_BITS))
                        instanceof SealedBlob.Verdict.Malformed bad) {
                    out.add(Finding.of(rule(), spec.name(), state.environment() + ": sealed secret " + spec.name() + ", key "
                                    + e.getKey() + ": the value " + bad.reason() + " (value not shown)",
                            Locate.pointer(snapshot, file, JsonPointer.of(state.environment(), spec.name(), "encryptedData", e.getKey()))));
                }
            }
        }
    }
}
