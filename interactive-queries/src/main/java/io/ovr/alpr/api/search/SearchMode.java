package io.ovr.alpr.api.search;

import java.util.Locale;

/** How the plate text of a search matches. */
public enum SearchMode {
    /** The normalized plate equals the text. */
    EXACT,
    /** The normalized plate starts with the text. */
    PREFIX,
    /** A pattern of letters and digits with {@code *} (any run) and {@code ?} (one character). */
    WILDCARD,
    /** The normalized plate contains the text (2-10 characters), through its n-gram subfield. */
    CONTAINS,
    /** The folded plate (OCR-confusable characters in one class) within an edit distance of the folded text. */
    FUZZY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
