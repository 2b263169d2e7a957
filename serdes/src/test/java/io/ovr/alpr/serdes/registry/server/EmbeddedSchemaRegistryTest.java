package io.ovr.alpr.serdes.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovr.alpr.schema.PlateRead;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry's REST answers, status codes and Confluent error codes, over real HTTP. */
class EmbeddedSchemaRegistryTest {

    private static final String V1 = """
            {"type":"record","name":"Thing","fields":[{"name":"a","type":"string"}]}""";
    private static final String V2_BACKWARD = """
            {"type":"record","name":"Thing","fields":[{"name":"a","type":"string"},
             {"name":"b","type":"int","default":0}]}""";
    private static final String V2_INCOMPATIBLE = """
            {"type":"record","name":"Thing","fields":[{"name":"a","type":"string"},{"name":"b","type":"int"}]}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private EmbeddedSchemaRegistry registry;

    @BeforeEach
    void start() throws IOException {
        registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldRegisterIdempotentlyAndShareIdsAcrossSubjects() throws Exception {
        int first = register("things-value", V1).get("id").asInt();
        int again = register("things-value", V1).get("id").asInt();
        int other = register("other-value", V1).get("id").asInt();

        assertThat(again).isEqualTo(first);
        assertThat(other).isEqualTo(first);
        assertThat(get("/subjects/things-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldAcceptABackwardCompatibleVersionAndServeLatest() throws Exception {
        register("things-value", V1);
        int id2 = register("things-value", V2_BACKWARD).get("id").asInt();

        JsonNode latest = json.readTree(get("/subjects/things-value/versions/latest").body());

        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(id2);
        assertThat(json.readTree(get("/subjects/things-value/versions/2/schema").body()).get("fields").size())
                .isEqualTo(2);
    }

    @Test
    void shouldRejectAnIncompatibleSchemaWith409() throws Exception {
        register("things-value", V1);

        HttpResponse<String> response = post("/subjects/things-value/versions", body(V2_INCOMPATIBLE));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(errorCode(response)).isEqualTo(409);
    }

    @Test
    void shouldAcceptAnIncompatibleSchemaWhenTheSubjectLevelIsNone() throws Exception {
        register("things-value", V1);
        HttpResponse<String> put = send("PUT", "/config/things-value", "{\"compatibility\":\"NONE\"}");

        HttpResponse<String> response = post("/subjects/things-value/versions", body(V2_INCOMPATIBLE));

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerUnknownSubjectWith40401() throws Exception {
        HttpResponse<String> versions = get("/subjects/nope-value/versions");
        HttpResponse<String> lookup = post("/subjects/nope-value", body(V1));

        assertThat(versions.statusCode()).isEqualTo(404);
        assertThat(errorCode(versions)).isEqualTo(40401);
        assertThat(errorCode(lookup)).isEqualTo(40401);
    }

    @Test
    void shouldAnswerUnknownIdWith40403() throws Exception {
        HttpResponse<String> response = get("/schemas/ids/4242");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errorCode(response)).isEqualTo(40403);
    }

    @Test
    void shouldAnswerUnknownVersionWith40402AndInvalidVersionWith42202() throws Exception {
        register("things-value", V1);

        assertThat(errorCode(get("/subjects/things-value/versions/7"))).isEqualTo(40402);
        assertThat(errorCode(get("/subjects/things-value/versions/abc"))).isEqualTo(42202);
    }

    @Test
    void shouldAnswerUnsetSubjectConfigWith40408UnlessDefaultingToGlobal() throws Exception {
        HttpResponse<String> unset = get("/config/things-value");
        HttpResponse<String> global = get("/config/things-value?defaultToGlobal=true");

        assertThat(unset.statusCode()).isEqualTo(404);
        assertThat(errorCode(unset)).isEqualTo(40408);
        assertThat(json.readTree(global.body()).get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(json.readTree(get("/config").body()).get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void shouldRejectInvalidSchemaWith42201AndInvalidLevelWith42203() throws Exception {
        HttpResponse<String> schema = post("/subjects/bad-value/versions", "{\"schema\":\"{not avro\"}");
        HttpResponse<String> level = send("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}");

        assertThat(schema.statusCode()).isEqualTo(422);
        assertThat(errorCode(schema)).isEqualTo(42201);
        assertThat(level.statusCode()).isEqualTo(422);
        assertThat(errorCode(level)).isEqualTo(42203);
    }

    @Test
    void shouldLookUpARegisteredSchemaUnderItsSubject() throws Exception {
        int id = register("reads-value", PlateRead.getClassSchema().toString()).get("id").asInt();

        JsonNode found = json.readTree(post("/subjects/reads-value", body(PlateRead.getClassSchema().toString()))
                .body());
        HttpResponse<String> missing = post("/subjects/reads-value", body(V1));

        assertThat(found.get("id").asInt()).isEqualTo(id);
        assertThat(found.get("version").asInt()).isEqualTo(1);
        assertThat(errorCode(missing)).isEqualTo(40403);
    }

    @Test
    void shouldTestCompatibilityWithoutRegistering() throws Exception {
        register("things-value", V1);

        JsonNode ok = json.readTree(post("/compatibility/subjects/things-value/versions/latest", body(V2_BACKWARD))
                .body());
        JsonNode bad = json.readTree(post("/compatibility/subjects/things-value/versions/latest",
                body(V2_INCOMPATIBLE)).body());

        assertThat(ok.get("is_compatible").asBoolean()).isTrue();
        assertThat(bad.get("is_compatible").asBoolean()).isFalse();
        assertThat(get("/subjects/things-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldAnswerUnknownRoutesAndAssociationsWith404() throws Exception {
        assertThat(get("/associations/resources/-/alpr.detections.raw?resourceType=topic").statusCode())
                .isEqualTo(404);
        assertThat(get("/nothing/here").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldKeepIdsAcrossARestartOnTheSameLog() throws Exception {
        InMemorySchemaLog log = new InMemorySchemaLog();
        int id;
        try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.start(log, "127.0.0.1", 0)) {
            id = json.readTree(send(first.url(), "POST", "/subjects/keep-value/versions", body(V1)).body())
                    .get("id").asInt();
        }
        try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(log, "127.0.0.1", 0)) {
            JsonNode schema = json.readTree(send(second.url(), "GET", "/schemas/ids/" + id, null).body());
            assertThat(schema.get("schema").asText()).contains("Thing");
        }
    }

    private JsonNode register(String subject, String schema) throws Exception {
        HttpResponse<String> response = post("/subjects/" + subject + "/versions", body(schema));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String body(String schema) {
        return json.createObjectNode().put("schema", schema).toString();
    }

    private int errorCode(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body()).get("error_code").asInt();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(registry.url(), method, path, body);
    }

    private HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
