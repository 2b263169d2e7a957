package io.ovr.alpr.api.http;

import java.util.regex.Pattern;

/** Free-text fields of request bodies: bounded length, no control characters. */
public final class Text {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private Text() {
    }

    /** The stripped value, or null when absent and not required; 400 naming {@code field} otherwise. */
    public static String check(String field, String value, boolean required, int maxLength) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            if (required) {
                throw ApiException.badRequest(field, field + " is required");
            }
            return null;
        }
        if (stripped.length() > maxLength || CONTROL.matcher(stripped).find()) {
            throw ApiException.badRequest(field, field + " must be at most " + maxLength
                    + " characters without control characters");
        }
        return stripped;
    }
}
