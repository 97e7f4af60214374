package dev.gitops.policy.internal.input;

import dev.gitops.model.GitopsConfig;
import dev.gitops.model.JsonPointer;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.SealedBlob;
import dev.gitops.model.SealedSecretSpec;
import dev.gitops.model.SealingKey;
import dev.gitops.model.State;
import dev.gitops.model.StateException;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code input/sealed-value}: every encryptedData value of the environment is a kubeseal ciphertext
 * for the key of the environment's {@code sealingCertificate} (gitops.yaml), or, without one, for an
 * RSA key of any size Sealed Secrets uses (the loader has refused anything else already; a
 * certificate the check cannot read is left to {@code gitops seal}, which refuses it with its
 * position). The value is never shown.
 */
final class SealedValueCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.SEALED_VALUE;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        String file = snapshot.secrets().file();
        OptionalInt keyBits = keyBits(snapshot, state.environment());
        for (SealedSecretSpec spec : state.sealedSecrets().values()) {
            for (Map.Entry<String, String> e : spec.encryptedData().entrySet()) {
                if (SealedBlob.check(e.getValue(), keyBits)
                        instanceof SealedBlob.Verdict.Malformed bad) {
                    out.add(Finding.of(rule(), spec.name(), state.environment() + ": sealed secret " + spec.name() + ", key "
                                    + e.getKey() + ": the value " + bad.reason() + " (value not shown)",
                            Locate.pointer(snapshot, file, JsonPointer.of(state.environment(), spec.name(), "encryptedData", e.getKey()))));
                }
            }
        }
    }

    /** The RSA key size of the environment's sealing certificate, when gitops.yaml names one that can be read. */
    private static OptionalInt keyBits(RepoSnapshot snapshot, String env) {
        Optional<String> cert = snapshot.config().environment(env).flatMap(GitopsConfig.EnvironmentConfig::sealingCertificate);
        if (cert.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            Optional<byte[]> pem = snapshot.files().read(cert.get());
            return pem.isEmpty() ? OptionalInt.empty() : OptionalInt.of(SealingKey.read(cert.get(), pem.get()).modulusBytes() * 8);
        } catch (IOException | StateException unreadable) {
            return OptionalInt.empty();
        }
    }
}
