package io.ovr.alpr.edge.reader;

/**
 * One possible reading of a plate.
 *
 * @param text the plate text (A-Z0-9)
 * @param confidence product of the per-slot probabilities, in [0, 1]
 */
public record Candidate(String text, double confidence) {
}
