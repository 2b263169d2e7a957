package io.ovr.alpr.api.http;

import io.ovr.alpr.processors.text.PlateText;
import java.util.regex.Pattern;

/**
 * A plate as a person types it ("abc-123", "AB 12 CD"): letters, digits, spaces, dots and hyphens,
 * at most 32 characters, normalized as the topology does ({@link PlateText#normalize}) to 1-10
 * characters A-Z0-9. Anything else, including quotes, wildcards or path characters, is a 400.
 */
public final class PlateInput {

    private static final int MAX_INPUT = 32;
    private static final Pattern INPUT = Pattern.compile("[\\p{L}\\p{N} .\\-]+");
    private static final Pattern PLATE = Pattern.compile("[A-Z0-9]{1,10}");

    private PlateInput() {
    }

    public static String normalize(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest(field, field + " is required");
        }
        if (raw.length() > MAX_INPUT || !INPUT.matcher(raw).matches()) {
            throw ApiException.badRequest(field, field + " must be letters and digits (spaces, dots and hyphens"
                    + " are ignored), at most " + MAX_INPUT + " characters");
        }
        String normalized = PlateText.normalize(raw);
        if (!PLATE.matcher(normalized).matches()) {
            throw ApiException.badRequest(field, field + " must normalize to 1-10 characters A-Z0-9");
        }
        return normalized;
    }
}
