package io.ovr.alpr.api.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id ({@code X-Request-Id}): the caller's when it sent a well-formed one
 * (a peer forwarding a request does), else a new UUID. Echoed in the response, written to audit
 * entries and log lines.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "alpr.request-id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9\\-]{8,64}");

    private RequestIds() {
    }

    /** A before-handler. */
    public static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && VALID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "none" : id;
    }
}
