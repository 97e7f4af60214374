package dev.gitops.testkit;

import dev.gitops.model.FileSource;
import dev.gitops.model.Provenance;
import dev.gitops.model.RepoLoader;
import dev.gitops.model.StateException;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * Whatever the bytes, loading ends within 2 s in a snapshot or a StateException with at least one
 * located problem: never another exception, a hang, or a stack trace for the user.
 */
class LoadRobustnessProperties {
    private static final Duration LIMIT = Duration.ofSeconds(2);

    @Test
    void mutatedValidFiles_loadOrThrowStateException() {
        int[] refused = {0};
        qt().withExamples(200).forAll(RepoGen.repos().mutated()).checkAssert(repo -> {
            if (!loads(repo.source(), repo.description())) {
                refused[0]++;
            }
        });
        // Mutations that all load would mean the mutator does nothing.
        assertTrue(refused[0] > 20, "only " + refused[0] + " of 200 mutated repositories were refused");
    }

    @Test
    void arbitraryFile_inAValidRepository_loadsOrThrowsStateException() {
        qt().withExamples(120).forAll(RepoGen.repos().withArbitraryFile(2048))
                .checkAssert(repo -> loads(repo.source(), repo.description()));
    }

    @Test
    void arbitraryBytes_asControlCenter_loadOrThrowStateException() {
        qt().withExamples(120).forAll(RepoGen.bytes(4096))
                .checkAssert(b -> loads(FileSource.inMemory(Map.of("control-center.yaml", b)), b.length + " random bytes"));
    }

    @Test
    void yamlTokenSoup_asEveryInputFile_loadsOrThrowsStateException() {
        qt().withExamples(150).forAll(RepoGen.yamlishBytes(1024), RepoGen.yamlishBytes(512), RepoGen.yamlishBytes(512))
                .checkAssert((cc, tags, gitops) -> loads(FileSource.inMemory(Map.of(
                        "control-center.yaml", cc, "tags.yaml", tags, "gitops.yaml", gitops, "secrets.yaml", tags,
                        "env-dev.yaml", cc)), "token soup"));
    }

    /** Whether the source loaded (false: refused with a StateException that has problems). */
    private static boolean loads(FileSource source, String what) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            try {
                RepoLoader.load(source, Provenance.workingTree());
                return true;
            } catch (StateException e) {
                assertFalse(e.problems().isEmpty(), "a StateException without problems");
                return false;
            }
        }, () -> "loading took more than " + LIMIT.toSeconds() + " s: " + what);
    }
}
