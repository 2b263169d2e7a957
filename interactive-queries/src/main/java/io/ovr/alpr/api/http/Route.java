package io.ovr.alpr.api.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.ovr.alpr.api.auth.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One route of the API: method, path, the least role that may call it (empty: public), the handler,
 * and what the OpenAPI document says about it. The route table is the single source of both the
 * Javalin registration and the OpenAPI document, so the two cannot drift.
 */
public record Route(HandlerType method, String path, Optional<Role> role, Handler handler, String summary,
                    String tag, List<Param> params, Optional<Body> body, String produces,
                    Map<Integer, String> responses) {

    /** A path, query or header parameter. */
    public record Param(String name, String in, boolean required, String type, String description) {
    }

    /** A request body: its media type and a description of its shape. */
    public record Body(String mediaType, String description) {
    }

    public Route {
        params = List.copyOf(params);
        responses = Map.copyOf(responses);
    }
}
