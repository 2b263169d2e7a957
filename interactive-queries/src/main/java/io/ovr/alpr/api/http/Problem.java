package io.ovr.alpr.api.http;

/**
 * An RFC 9457 problem document: what went wrong, for which status, in words a client can show.
 * {@code field} names the invalid parameter when there is one.
 */
public record Problem(String type, String title, int status, String detail, String field) {

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    public static Problem invalid(String field, String detail) {
        return new Problem("about:blank", "Invalid parameter", 400, detail, field);
    }
}
