package dev.gitops.git;

import dev.gitops.model.Acknowledgement;
import dev.gitops.model.EnvironmentSection;
import dev.gitops.model.ImageRef;
import dev.gitops.model.PromotionCandidate;
import dev.gitops.model.PromotionGate;
import dev.gitops.model.PromotionVerdict;
import dev.gitops.model.RepoSnapshot;
import dev.gitops.model.ServiceSpec;
import dev.gitops.model.TerraformOutputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A real promotion gate written in test code (gitops-git must not depend on gitops-policy): two of
 * the promotion rules, honouring acknowledgements, and a record of every candidate it was asked about.
 *
 * <ul>
 *   <li>{@value #SKIPPED_STAGE}: every (service, image) arriving in the target's section ran in the
 *       source's own section somewhere on its first-parent history;</li>
 *   <li>{@value #ENV_FILE}: no env-&lt;env&gt;.yaml of the target changes, appears or disappears.</li>
 * </ul>
 */
final class StageGate implements PromotionGate {
    static final String SKIPPED_STAGE = "skipped-stage";
    static final String ENV_FILE = "env-file-changed";

    final List<PromotionCandidate> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public PromotionVerdict judge(PromotionCandidate c) {
        seen.add(c);
        List<String> blocking = new ArrayList<>();
        List<Acknowledgement> used = new ArrayList<>();
        Map<String, ServiceSpec> before = services(c.targetBefore(), c.to());
        services(c.targetAfter(), c.to()).forEach((svc, spec) -> {
            Optional<ImageRef> img = c.targetAfter().tags().image(svc, spec.gitRev());
            Optional<ImageRef> old = Optional.ofNullable(before.get(svc))
                    .flatMap(b -> c.targetBefore().tags().image(svc, b.gitRev()));
            if (img.isEmpty() || img.equals(old) || c.sourceHistory().ran(svc, img.get())) {
                return;
            }
            Optional<Acknowledgement> ack = c.acknowledgements().stream().filter(a -> a.covers(SKIPPED_STAGE, svc)).findFirst();
            if (ack.isPresent()) {
                used.add(ack.get());
            } else {
                blocking.add(SKIPPED_STAGE + ": " + svc + " " + spec.gitRev() + " (" + img.get().reference()
                        + ") never ran in " + c.from());
            }
        });
        TreeSet<String> envFiles = new TreeSet<>();
        c.targetBefore().terraform().values().stream().map(TerraformOutputs::file).forEach(envFiles::add);
        c.targetAfter().terraform().values().stream().map(TerraformOutputs::file).forEach(envFiles::add);
        for (String f : envFiles) {
            if (!Arrays.equals(bytes(c.targetBefore(), f), bytes(c.targetAfter(), f))) {
                blocking.add(ENV_FILE + ": " + f + " would change in " + c.to());
            }
        }
        String report = "judged " + c.from() + " -> " + c.to();
        return blocking.isEmpty() ? PromotionVerdict.allow(used, report) : PromotionVerdict.block(blocking, report);
    }

    private static Map<String, ServiceSpec> services(RepoSnapshot s, String env) {
        return s.controlCenter().environment(env).map(EnvironmentSection::services).orElse(Map.of());
    }

    private static byte[] bytes(RepoSnapshot s, String file) {
        try {
            return s.files().read(file).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
