package dev.gitops.policy.internal.input;

import dev.gitops.model.Quantity;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.State;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.internal.Locate;

import java.util.List;
import java.util.Optional;

/**
 * {@code input/memory-millis}: memory given in thousandths of a byte ({@code 512m}) or any other
 * fractional number of bytes; Kubernetes reads {@code 400m} of memory as 0.4 bytes.
 */
final class MemoryMillisCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.MEMORY_MILLIS;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        for (ResolvedService s : state.services().values()) {
            check(snapshot, state, s, "memory_min", s.spec().memoryMin(), out);
            check(snapshot, state, s, "memory_max", s.spec().memoryMax(), out);
        }
    }

    private void check(RepoSnapshot snapshot, State state, ResolvedService s, String key, Optional<Quantity> q, List<Finding> out) {
        if (q.isEmpty()) {
            return;
        }
        String text = q.get().text();
        if (text.endsWith("m") || q.get().isFractional()) {
            String guess = text.endsWith("m") ? text.substring(0, text.length() - 1) + "Mi" : null;
            Finding f = Finding.of(rule(), s.name(), state.environment() + ": " + s.name() + " " + key + " " + text
                    + " is a fractional number of bytes (m means thousandths)", Locate.serviceKey(snapshot, s.spec(), key));
            out.add(guess == null ? f : f.withHint("did you mean " + guess + "? memory in m is thousandths of a byte"));
        }
    }
}
