package dev.gitops.git.internal;

import dev.gitops.git.Dashboard;
import dev.gitops.git.PromotionResult;
import dev.gitops.git.StatusMatrix;
import dev.gitops.model.GitopsConfig;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of the release dashboard that the status matrix does not hold: the repository's name,
 * gitops.yaml's links and each environment branch's tip. The promotion judgements come from the
 * caller, which runs the promotions' dry runs (the same code as {@code promote --dry-run}).
 */
public final class DashboardReader {
    private DashboardReader() {}

    /**
     * How GitHub, GitLab and Bitbucket name the pull (merge) request in the commits they write: a
     * merge commit ("Merge pull request #42 from ...", "See merge request group/repo!42",
     * "Merged in feature (pull request #42)"), or a squash commit whose subject ends with "(#42)".
     */
    private static final List<Pattern> PULL_REQUEST = List.of(
            Pattern.compile("^Merge pull request #(\\d{1,9})\\b"),
            Pattern.compile("(?m)^See merge request \\S*!(\\d{1,9})\\s*$"),
            Pattern.compile("\\(pull request #(\\d{1,9})\\)"),
            Pattern.compile("^[^\\n]*\\(#(\\d{1,9})\\)[ \\t]*(\\n|$)"));

    /** The dashboard of {@code matrix} with the tips of its columns and the given judgements. */
    public static Dashboard read(Repository repo, StatusMatrix matrix, List<Dashboard.Step> steps) throws IOException {
        List<Dashboard.Tip> tips = new ArrayList<>();
        GitopsConfig.Links links;
        try (RevWalk w = new RevWalk(repo)) {
            links = Configs.atHead(repo, w).links();
            for (StatusMatrix.Column c : matrix.environments()) {
                if (c.commit().isPresent()) {
                    // the commit the matrix was read at, not the branch now: the page agrees with itself
                    RevCommit tip = w.parseCommit(ObjectId.fromString(c.commit().get()));
                    PersonIdent author = tip.getAuthorIdent();
                    tips.add(new Dashboard.Tip(c.name(), tip.name(), author.getName(), author.getWhenAsInstant(),
                            tip.getShortMessage(), pullRequest(tip.getFullMessage())));
                }
            }
        }
        return new Dashboard(name(repo), matrix, tips, steps, links);
    }

    /** The pull (merge) request a commit message names, when it is a host's merge or squash commit. */
    static Optional<Integer> pullRequest(String message) {
        for (Pattern p : PULL_REQUEST) {
            Matcher m = p.matcher(message);
            if (m.find()) {
                return Optional.of(Integer.parseInt(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The repository's folder name: {@code central} for {@code central.git} or {@code central/.git}. */
    public static String name(Repository repo) {
        File dir = repo.isBare() ? repo.getDirectory() : repo.getWorkTree();
        String n = dir.getAbsoluteFile().toPath().normalize().getFileName() == null ? ""
                : dir.getAbsoluteFile().toPath().normalize().getFileName().toString();
        return n.endsWith(".git") && n.length() > 4 ? n.substring(0, n.length() - 4) : n;
    }

    /** A step whose input files do not load: it cannot be judged, and the page says why. */
    public static Dashboard.Step unreadable(String from, String to, String problems) {
        return new Dashboard.Step(from, to, new PromotionResult.Refused(problems));
    }
}
