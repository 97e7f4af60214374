package dev.gitops.model;

import dev.gitops.model.internal.Names;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for every module: the one rule by which a misspelt key, option or name is matched
 * to the known ones (the model's own schema hints use it too).
 */
public final class Spelling {
    private Spelling() {}

    /**
     * The candidate closest to {@code word} (case-insensitive edit distance, adjacent transpositions
     * counting one), when it is within a third of the candidate's length (at least 1, at most 3).
     *
     * @param word what was typed
     * @param candidates the known spellings
     * @return the closest candidate, or empty when none is close enough
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        return Names.closest(word, candidates);
    }
}
