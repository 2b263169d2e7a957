package io.ovr.alpr.serdes.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over the Confluent REST API with {@code java.net.http}: timeouts,
 * retries with exponential backoff on connection failures and 5xx answers, optional basic auth,
 * and caches for the immutable mappings (id to schema, subject and schema to id).
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubjectAndSchema.computeIfAbsent(cacheKey(subject, schema), k -> {
            JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
            int id = answer.get("id").asInt();
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return idsBySubjectAndSchema.computeIfAbsent(cacheKey(subject, schema), k -> {
            JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
            return answer.get("id").asInt();
        });
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, k -> {
            JsonNode answer = send("GET", "/schemas/ids/" + id, null);
            return new Schema.Parser().parse(answer.get("schema").asText());
        });
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        Schema schema = new Schema.Parser().parse(answer.get("schema").asText());
        return new RegisteredSchema(answer.get("subject").asText(), answer.get("version").asInt(),
                answer.get("id").asInt(), schema);
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        send("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    @Override
    public String compatibility(String subject) {
        try {
            return send("GET", "/config/" + encode(subject), null).get("compatibilityLevel").asText();
        } catch (SchemaRegistryException e) {
            if (e.errorCode() != 40408 && e.errorCode() != 40401) {
                throw e;
            }
            return send("GET", "/config", null).get("compatibilityLevel").asText();
        }
    }

    @Override
    public void setCompatibility(String subject, String level) {
        ObjectNode body = json.createObjectNode().put("compatibility", level);
        send("PUT", "/config/" + encode(subject), body.toString());
    }

    private String schemaBody(Schema schema) {
        return json.createObjectNode().put("schema", schema.toString()).toString();
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest request = request(method, path, body);
        Duration backoff = config.initialBackoff();
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500 || attempt >= config.maxRetries()) {
                    return parse(response);
                }
                LOG.warn("registry {} {} answered {}; retry {} in {}", method, path, response.statusCode(),
                        attempt + 1, backoff);
            } catch (IOException e) {
                if (attempt >= config.maxRetries()) {
                    throw new SchemaRegistryException("registry " + config.url() + " unreachable for "
                            + method + " " + path + " after " + (attempt + 1) + " attempts: " + e, e);
                }
                LOG.warn("registry {} unreachable ({}); retry {} in {}", config.url(), e.toString(), attempt + 1,
                        backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted calling the registry", e);
            }
            pause(backoff);
            backoff = backoff.multipliedBy(2);
        }
    }

    private HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.url() + path))
                .timeout(config.timeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        config.basicAuthUserInfo().ifPresent(userInfo -> builder.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))));
        return builder.build();
    }

    private JsonNode parse(HttpResponse<String> response) throws IOException {
        JsonNode node = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        if (response.statusCode() / 100 == 2) {
            return node;
        }
        int code = node.path("error_code").asInt(response.statusCode());
        String message = node.path("message").asText(response.body());
        throw new SchemaRegistryException(response.statusCode(), code, message);
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while backing off", e);
        }
    }

    private static String cacheKey(String subject, Schema schema) {
        return subject + '\u0000' + schema.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
