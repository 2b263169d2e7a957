package io.ovr.alpr.api.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.ovr.alpr.api.auth.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The routes of the API, in the order they are documented. Built once with {@link #builder()}. */
public final class RouteTable {

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects routes; each {@code get/put/post/delete} starts a route that the following calls describe. */
    public static final class Builder {

        private final List<RouteBuilder> routes = new ArrayList<>();

        public RouteBuilder get(String path, Optional<Role> role, Handler handler) {
            return add(HandlerType.GET, path, role, handler);
        }

        public RouteBuilder put(String path, Optional<Role> role, Handler handler) {
            return add(HandlerType.PUT, path, role, handler);
        }

        public RouteBuilder post(String path, Optional<Role> role, Handler handler) {
            return add(HandlerType.POST, path, role, handler);
        }

        public RouteBuilder delete(String path, Optional<Role> role, Handler handler) {
            return add(HandlerType.DELETE, path, role, handler);
        }

        private RouteBuilder add(HandlerType method, String path, Optional<Role> role, Handler handler) {
            RouteBuilder builder = new RouteBuilder(method, path, role, handler);
            routes.add(builder);
            return builder;
        }

        public RouteTable build() {
            return new RouteTable(routes.stream().map(RouteBuilder::build).toList());
        }
    }

    /** Describes one route for the OpenAPI document. */
    public static final class RouteBuilder {

        private final HandlerType method;
        private final String path;
        private final Optional<Role> role;
        private final Handler handler;
        private final List<Route.Param> params = new ArrayList<>();
        private final Map<Integer, String> responses = new LinkedHashMap<>();
        private String summary = "";
        private String tag = "api";
        private Optional<Route.Body> body = Optional.empty();
        private String produces = "application/json";

        private RouteBuilder(HandlerType method, String path, Optional<Role> role, Handler handler) {
            this.method = method;
            this.path = path;
            this.role = role;
            this.handler = handler;
        }

        public RouteBuilder doc(String tagName, String text) {
            this.tag = tagName;
            this.summary = text;
            return this;
        }

        public RouteBuilder path(String name, String description) {
            params.add(new Route.Param(name, "path", true, "string", description));
            return this;
        }

        public RouteBuilder query(String name, boolean required, String type, String description) {
            params.add(new Route.Param(name, "query", required, type, description));
            return this;
        }

        public RouteBuilder header(String name, boolean required, String description) {
            params.add(new Route.Param(name, "header", required, "string", description));
            return this;
        }

        public RouteBuilder body(String mediaType, String description) {
            this.body = Optional.of(new Route.Body(mediaType, description));
            return this;
        }

        public RouteBuilder produces(String mediaType) {
            this.produces = mediaType;
            return this;
        }

        public RouteBuilder ok(int status, String description) {
            responses.put(status, description);
            return this;
        }

        private Route build() {
            Map<Integer, String> all = new LinkedHashMap<>(responses);
            if (!params.isEmpty() || body.isPresent()) {
                all.putIfAbsent(400, "invalid parameter or body (problem JSON naming the field)");
            }
            role.ifPresent(r -> {
                all.putIfAbsent(401, "missing or unknown API key");
                all.putIfAbsent(403, "the key's role may not call this route");
            });
            return new Route(method, path, role, handler, summary, tag, params, body, produces, all);
        }
    }
}
