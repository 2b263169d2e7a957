package io.ovr.alpr.api.search;

import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.PlateInput;
import io.ovr.alpr.processors.text.PlateText;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The validated plate part of a search: the mode and the value sent to OpenSearch as a typed query
 * value (never as query text or DSL). Bounds keep every query cheap: wildcard patterns are at most
 * 16 characters with at most 4 wildcards and at least 2 literal characters, fragments 2-10
 * characters, fuzzy distance 0-2.
 *
 * @param value what the index field is compared with (normalized, folded or a wildcard pattern)
 * @param plate the normalized plate of an exact search (for the audit log), else null
 * @param distance the edit distance of a fuzzy search, else 0
 */
public record PlateTerm(SearchMode mode, String value, String plate, int distance) {

    public static final int MAX_PATTERN = 16;
    public static final int MAX_WILDCARDS = 4;
    public static final int MAX_DISTANCE = 2;
    private static final int MAX_INPUT = 32;
    private static final Pattern PATTERN_INPUT = Pattern.compile("[A-Za-z0-9*? .\\-]{1," + MAX_INPUT + "}");

    /** Validates {@code q} for {@code mode}; 400 naming {@code q} (or {@code distance}) otherwise. */
    public static PlateTerm of(SearchMode mode, String q, int distance) {
        if (distance < 0 || distance > MAX_DISTANCE || distance > 0 && mode != SearchMode.FUZZY) {
            throw ApiException.badRequest("distance", "distance is 0-" + MAX_DISTANCE + " and only for mode=fuzzy");
        }
        return switch (mode) {
            case EXACT -> {
                String plate = PlateInput.normalize("q", q);
                yield new PlateTerm(mode, plate, plate, 0);
            }
            case PREFIX -> new PlateTerm(mode, fragment(q, 2, 10), null, 0);
            case CONTAINS -> new PlateTerm(mode, fragment(q, 2, 10), null, 0);
            case FUZZY -> new PlateTerm(mode, PlateText.fold(fragment(q, 2, 10)), null, distance);
            case WILDCARD -> new PlateTerm(mode, pattern(q), null, 0);
        };
    }

    private static String fragment(String q, int min, int max) {
        String normalized = PlateInput.normalize("q", q);
        if (normalized.length() < min || normalized.length() > max) {
            throw ApiException.badRequest("q", "q must normalize to " + min + "-" + max + " characters A-Z0-9");
        }
        return normalized;
    }

    private static String pattern(String q) {
        if (q == null || !PATTERN_INPUT.matcher(q).matches()) {
            throw ApiException.badRequest("q", "a wildcard pattern is letters, digits, * (any run) and ? (one"
                    + " character), at most " + MAX_INPUT + " characters");
        }
        String pattern = q.replaceAll("[ .\\-]", "").toUpperCase(Locale.ROOT).replaceAll("\\*+", "*");
        long wildcards = pattern.chars().filter(c -> c == '*' || c == '?').count();
        long literals = pattern.length() - wildcards;
        if (pattern.length() > MAX_PATTERN || wildcards > MAX_WILDCARDS || literals < 2 || literals > 10) {
            throw ApiException.badRequest("q", "a wildcard pattern has 2-10 letters or digits, at most "
                    + MAX_WILDCARDS + " wildcards and " + MAX_PATTERN + " characters, e.g. AB*12");
        }
        return pattern;
    }
}
