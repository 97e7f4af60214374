package dev.gitops.policy.internal.input;

import dev.gitops.model.JsonPointer;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ResolvedService;
import dev.gitops.model.State;
import dev.gitops.model.Value;
import dev.gitops.policy.Finding;
import dev.gitops.policy.Location;
import dev.gitops.policy.Rule;
import dev.gitops.policy.Rules;
import dev.gitops.policy.Severity;
import dev.gitops.policy.internal.Locate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code input/plaintext-credential}: an environment parameter or a service's {@code env} value in
 * control-center.yaml that looks like a credential ({@link CredentialShapes}). An error in a
 * prod-like environment, a warning elsewhere; the message names the key and the reason, never the
 * value.
 */
final class PlaintextCredentialCheck implements InputCheck {
    @Override
    public Rule rule() {
        return Rules.PLAINTEXT_CREDENTIAL;
    }

    @Override
    public void check(RepoSnapshot snapshot, State state, List<Finding> out) {
        String cc = snapshot.controlCenter().file();
        Severity severity = state.config().prodLike() ? Severity.ERROR : Severity.WARNING;
        for (Map.Entry<String, Value> p : state.params().entrySet()) {
            List<String> path = new ArrayList<>(List.of(state.environment(), p.getKey()));
            walk(p.getKey(), p.getValue(), path, (name, pointer, reason) -> out.add(Finding.of(rule(), "",
                    state.environment() + ": parameter " + String.join(".", pointer.subList(1, pointer.size()))
                            + " looks like a credential: " + reason + " (value not shown)",
                    Locate.pointer(snapshot, cc, JsonPointer.of(pointer.toArray(new String[0])))).withSeverity(severity)));
        }
        for (ResolvedService s : state.services().values()) {
            for (Map.Entry<String, Value> e : s.spec().env().entrySet()) {
                if (e.getValue() instanceof Value.Str str) {
                    Optional<String> reason = CredentialShapes.reason(e.getKey(), str.value());
                    if (reason.isPresent()) {
                        Location at = Locate.serviceKey(snapshot, s.spec(), "env", e.getKey());
                        out.add(Finding.of(rule(), s.name(), state.environment() + ": " + s.name() + " env " + e.getKey()
                                + " looks like a credential: " + reason.get() + " (value not shown)", at).withSeverity(severity));
                    }
                }
            }
        }
    }

    private interface Found {
        void at(String name, List<String> pointer, String reason);
    }

    /** Every string leaf of a parameter, named by its own key (a list item by its list's key). */
    private static void walk(String name, Value v, List<String> pointer, Found found) {
        if (v instanceof Value.Str s) {
            CredentialShapes.reason(name, s.value()).ifPresent(r -> found.at(name, List.copyOf(pointer), r));
        } else if (v instanceof Value.Obj o) {
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                pointer.add(e.getKey());
                walk(e.getKey(), e.getValue(), pointer, found);
                pointer.remove(pointer.size() - 1);
            }
        } else if (v instanceof Value.Arr a) {
            for (int i = 0; i < a.items().size(); i++) {
                pointer.add(String.valueOf(i));
                walk(name, a.items().get(i), pointer, found);
                pointer.remove(pointer.size() - 1);
            }
        }
    }
}
