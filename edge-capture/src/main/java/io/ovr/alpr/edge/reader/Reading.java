package io.ovr.alpr.edge.reader;

import java.util.List;

/**
 * What the reader made of one plate crop.
 *
 * @param text the best reading
 * @param confidence probability of the best reading (product over slots)
 * @param charConfidences probability of each character of {@code text}
 * @param candidates the best readings, best first; the first equals {@code text}
 */
public record Reading(String text, double confidence, double[] charConfidences, List<Candidate> candidates) {

    public Reading {
        charConfidences = charConfidences.clone();
        candidates = List.copyOf(candidates);
    }

    @Override
    public double[] charConfidences() {
        return charConfidences.clone();
    }
}
