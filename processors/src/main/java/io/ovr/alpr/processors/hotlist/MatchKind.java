package io.ovr.alpr.processors.hotlist;

/** How a read matched a hotlist entry, strongest first. */
public enum MatchKind {
    /** Equal normalized text. */
    EXACT,
    /** Equal folded text: differs only in OCR-confusable characters. */
    FOLDED,
    /** Folded texts within the configured edit distance. */
    EDIT_DISTANCE
}
