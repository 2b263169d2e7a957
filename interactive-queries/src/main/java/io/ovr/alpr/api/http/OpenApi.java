package io.ovr.alpr.api.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3 document of the API, generated from the route table: every route, its parameters,
 * body, responses and the role it needs. Nothing is written by hand, so the document cannot miss a
 * route that the server serves.
 */
public final class OpenApi {

    private OpenApi() {
    }

    public static Map<String, Object> document(RouteTable table, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "OVR-ALPR query API", "version", version, "description",
                "Live state from the Kafka Streams stores (routed to the instance that owns each key), hotlist and"
                        + " camera administration, topology, health and metrics. Authenticate with an API key in"
                        + " 'X-API-Key' or 'Authorization: Bearer'. Errors are RFC 9457 problem documents."));
        doc.put("components", components());
        Map<String, Object> paths = new TreeMap<>();
        for (Route route : table.routes()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(),
                    p -> new LinkedHashMap<String, Object>());
            item.put(route.method().name().toLowerCase(Locale.ROOT), operation(route));
        }
        doc.put("paths", paths);
        return doc;
    }

    private static Map<String, Object> operation(Route route) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId(route));
        op.put("summary", route.summary());
        op.put("tags", List.of(route.tag()));
        List<Object> params = new ArrayList<>();
        for (Route.Param p : route.params()) {
            params.add(Map.of("name", p.name(), "in", p.in(), "required", p.required(), "description",
                    p.description(), "schema", schema(p.type())));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        route.body().ifPresent(b -> op.put("requestBody", Map.of("required", true, "description",
                b.description(), "content", Map.of(b.mediaType(), Map.of("schema", Map.of("type",
                        b.mediaType().contains("json") ? "object" : "string"))))));
        Map<String, Object> responses = new TreeMap<>();
        route.responses().forEach((status, description) -> responses.put(Integer.toString(status),
                response(route, status, description)));
        op.put("responses", responses);
        op.put("security", route.role().isPresent()
                ? List.of(Map.of("apiKey", List.of()), Map.of("bearer", List.of())) : List.of());
        op.put("x-alpr-role", route.role().map(r -> r.name().toLowerCase(Locale.ROOT)).orElse("public"));
        return op;
    }

    private static Map<String, Object> response(Route route, int status, String description) {
        if (status >= 400) {
            return Map.of("description", description, "content", Map.of(Problem.MEDIA_TYPE,
                    Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
        }
        if (status == 204 || status == 302) {
            return Map.of("description", description);
        }
        Map<String, Object> schema = route.produces().contains("json") ? Map.of("type", "object")
                : Map.of("type", "string");
        return Map.of("description", description, "content", Map.of(route.produces(), Map.of("schema", schema)));
    }

    private static Map<String, Object> schema(String type) {
        return switch (type) {
            case "date-time" -> Map.of("type", "string", "format", "date-time");
            case "integer" -> Map.of("type", "integer");
            case "boolean" -> Map.of("type", "boolean");
            default -> Map.of("type", "string");
        };
    }

    private static String operationId(Route route) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
        for (String part : route.path().split("[/{}\\-.]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private static Map<String, Object> components() {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "object");
        problem.put("required", List.of("type", "title", "status"));
        problem.put("properties", Map.of(
                "type", Map.of("type", "string"),
                "title", Map.of("type", "string"),
                "status", Map.of("type", "integer"),
                "detail", Map.of("type", "string"),
                "field", Map.of("type", "string", "description", "the invalid parameter, for 400"),
                "instance", Map.of("type", "string", "description", "path of the failed request")));
        return Map.of(
                "securitySchemes", Map.of(
                        "apiKey", Map.of("type", "apiKey", "in", "header", "name", "X-API-Key"),
                        "bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", Map.of("Problem", problem));
    }
}
