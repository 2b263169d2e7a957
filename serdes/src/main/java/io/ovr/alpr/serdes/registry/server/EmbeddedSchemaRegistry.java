package io.ovr.alpr.serdes.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Schema Registry for the embedded mode speaking the subset of Confluent's REST API that real
 * clients call (Confluent's and kafkajs' serializers, our {@code RestSchemaRegistryClient}), with
 * Confluent's status and error codes, BACKWARD compatibility by default, and its state in a
 * {@link SchemaLog} (a compacted {@code _schemas} topic) so ids survive a restart. Production
 * uses Confluent's registry; this one is never meant to replace it.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final SchemaRepository repository;
    private final SchemaLog log;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();

    private EmbeddedSchemaRegistry(SchemaLog log, String host, int port) throws IOException {
        this.log = log;
        this.repository = new SchemaRepository(log, "BACKWARD");
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "alpr-registry-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a registry on {@code host:port} (0 for a free port) over {@code log}; owns the log from then on. */
    public static EmbeddedSchemaRegistry start(SchemaLog log, String host, int port) throws IOException {
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(log, host, port);
        registry.server.start();
        LOG.info("schema registry listening on {}", registry.url());
        return registry;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        log.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                Object body = route(exchange.getRequestMethod().toUpperCase(Locale.ROOT), segments(exchange),
                        exchange);
                respond(exchange, 200, body);
            } catch (RegistryError e) {
                respond(exchange, e.status, json.createObjectNode().put("error_code", e.code)
                        .put("message", e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("registry failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                respond(exchange, 500, json.createObjectNode().put("error_code", 50001)
                        .put("message", "Error in the backend data store: " + e.getMessage()));
            }
        }
    }

    private Object route(String method, List<String> path, HttpExchange exchange) throws IOException {
        String root = path.isEmpty() ? "" : path.get(0);
        return switch (root) {
            case "" -> json.createObjectNode();
            case "subjects" -> subjects(method, path, exchange);
            case "schemas" -> schemas(method, path);
            case "config" -> config(method, path, exchange);
            case "compatibility" -> compatibility(method, path, exchange);
            case "mode" -> json.createObjectNode().put("mode", "READWRITE");
            default -> throw RegistryError.notFound(exchange.getRequestURI().getPath());
        };
    }

    private Object subjects(String method, List<String> path, HttpExchange exchange) throws IOException {
        if (path.size() == 1) {
            requireMethod(method, "GET");
            return repository.subjects();
        }
        String subject = path.get(1);
        if (path.size() == 2) {
            if (method.equals("DELETE")) {
                return repository.deleteSubject(subject);
            }
            requireMethod(method, "POST");
            return versionNode(repository.lookup(subject, schemaText(exchange)));
        }
        if (!path.get(2).equals("versions") || path.size() > 5) {
            throw RegistryError.notFound(exchange.getRequestURI().getPath());
        }
        if (path.size() == 3) {
            if (method.equals("POST")) {
                return json.createObjectNode().put("id", repository.register(subject, schemaText(exchange)));
            }
            requireMethod(method, "GET");
            return repository.versions(subject);
        }
        requireMethod(method, "GET");
        SchemaRepository.Version version = repository.version(subject, path.get(3));
        if (path.size() == 5 && path.get(4).equals("schema")) {
            return new RawJson(version.schema());
        }
        return versionNode(version);
    }

    private Object schemas(String method, List<String> path) {
        requireMethod(method, "GET");
        if (path.size() == 2 && path.get(1).equals("types")) {
            return List.of("AVRO");
        }
        if (path.size() < 3 || !path.get(1).equals("ids")) {
            throw RegistryError.notFound("/" + String.join("/", path));
        }
        int id;
        try {
            id = Integer.parseInt(path.get(2));
        } catch (NumberFormatException e) {
            throw RegistryError.schemaNotFound("with id " + path.get(2));
        }
        String schema = repository.schemaById(id);
        if (path.size() == 4 && path.get(3).equals("schema")) {
            return new RawJson(schema);
        }
        return json.createObjectNode().put("schema", schema);
    }

    private Object config(String method, List<String> path, HttpExchange exchange) throws IOException {
        String subject = path.size() > 1 ? path.get(1) : null;
        switch (method) {
            case "PUT" -> {
                JsonNode body = body(exchange);
                String level = repository.setLevel(subject, body.path("compatibility").asText(null));
                return json.createObjectNode().put("compatibility", level);
            }
            case "DELETE" -> {
                return json.createObjectNode().put("compatibilityLevel",
                        subject == null ? repository.globalLevel() : repository.clearLevel(subject));
            }
            case "GET" -> {
                if (subject == null) {
                    return json.createObjectNode().put("compatibilityLevel", repository.globalLevel());
                }
                boolean defaultToGlobal = query(exchange).contains("defaultToGlobal=true");
                String level = repository.subjectLevel(subject).orElseGet(() -> {
                    if (defaultToGlobal) {
                        return repository.globalLevel();
                    }
                    throw RegistryError.subjectConfigNotFound(subject);
                });
                return json.createObjectNode().put("compatibilityLevel", level);
            }
            default -> throw RegistryError.methodNotAllowed(method);
        }
    }

    private Object compatibility(String method, List<String> path, HttpExchange exchange) throws IOException {
        requireMethod(method, "POST");
        if (path.size() != 5 || !path.get(1).equals("subjects") || !path.get(3).equals("versions")) {
            throw RegistryError.notFound(exchange.getRequestURI().getPath());
        }
        boolean compatible = repository.isCompatible(path.get(2), path.get(4), schemaText(exchange));
        return json.createObjectNode().put("is_compatible", compatible);
    }

    private ObjectNode versionNode(SchemaRepository.Version v) {
        return json.createObjectNode().put("subject", v.subject()).put("version", v.version()).put("id", v.id())
                .put("schema", v.schema());
    }

    private String schemaText(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw RegistryError.invalidSchema("schemaType " + type + " is not supported by this registry");
        }
        if (body.path("references").size() > 0) {
            throw RegistryError.invalidSchema("schema references are not supported by this registry");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryError.invalidSchema("the body needs a \"schema\" string");
        }
        return schema.asText();
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw RegistryError.badRequest("request body larger than " + MAX_BODY + " bytes");
            }
            return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw RegistryError.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body instanceof RawJson raw ? raw.text().getBytes(StandardCharsets.UTF_8)
                : json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw RegistryError.methodNotAllowed(method);
        }
    }

    private static String query(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return query == null ? "" : query;
    }

    private static List<String> segments(HttpExchange exchange) {
        List<String> segments = new ArrayList<>();
        for (String part : exchange.getRequestURI().getPath().split("/")) {
            if (!part.isEmpty()) {
                segments.add(part);
            }
        }
        return segments;
    }

    /** A body that is already JSON text (a schema), written as is. */
    private record RawJson(String text) {
    }
}
