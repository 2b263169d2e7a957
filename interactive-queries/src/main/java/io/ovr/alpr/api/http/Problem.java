package io.ovr.alpr.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document: what went wrong, for which status, in words a client can show.
 * {@code field} (an extension member) names the invalid parameter when there is one; {@code instance}
 * is the path of the request that failed; {@code errors} (an extension member) lists every problem
 * of a body that has several (a CSV import).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String instance,
                      List<String> errors) {

    /** Media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null, null);
    }

    public static Problem invalid(String field, String detail) {
        return new Problem("about:blank", "Invalid parameter", 400, detail, field, null, null);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, field, path, errors);
    }

    /** A 400 for a body with several problems, each listed in {@code errors}. */
    public static Problem invalidBody(String detail, List<String> errors) {
        return new Problem("about:blank", "Invalid body", 400, detail, "body", null, List.copyOf(errors));
    }
}
