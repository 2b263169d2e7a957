package io.ovr.alpr.api.http;

import java.util.regex.Pattern;

/** Free-text fields of request bodies: bounded length, no control characters. */
public final class Text {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern CONTROL_BUT_LINES = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    private Text() {
    }

    /** The stripped value, or null when absent and not required; 400 naming {@code field} otherwise. */
    public static String check(String field, String value, boolean required, int maxLength) {
        return check(field, value, required, maxLength, CONTROL);
    }

    /** Like {@link #check} but line breaks and tabs are allowed (notes). */
    public static String multiline(String field, String value, int maxLength) {
        return check(field, value, false, maxLength, CONTROL_BUT_LINES);
    }

    private static String check(String field, String value, boolean required, int maxLength, Pattern forbidden) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            if (required) {
                throw ApiException.badRequest(field, field + " is required");
            }
            return null;
        }
        if (stripped.length() > maxLength || forbidden.matcher(stripped).find()) {
            throw ApiException.badRequest(field, field + " must be at most " + maxLength
                    + " characters without control characters");
        }
        return stripped;
    }
}
