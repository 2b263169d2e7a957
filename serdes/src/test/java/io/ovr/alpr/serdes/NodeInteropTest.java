package io.ovr.alpr.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Independent check: npm {@code @kafkajs/confluent-schema-registry}, which nobody here wrote, must
 * agree byte for byte with our serde and registry. {@code npm ci} runs in the build before this
 * test; without Node.js the build fails rather than skipping it.
 */
class NodeInteropTest {

    private static final Path NODE_DIR = Path.of("src", "test", "node");
    private static final String TOPIC = "interop.reads";

    private static EmbeddedSchemaRegistry server;
    private static RestSchemaRegistryClient registry;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startRegistry() throws IOException {
        server = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
        registry = new RestSchemaRegistryClient(RegistryClientConfig.of(server.url()));
    }

    @AfterAll
    static void stopRegistry() {
        server.close();
    }

    @Test
    void shouldDecodeInJavaWhatNodeEncodedAndMatchJavaBytes(@TempDir Path dir) throws Exception {
        PlateRead expected = SampleRecords.plateRead();
        Path schemaFile = Files.writeString(dir.resolve("schema.json"), PlateRead.getClassSchema().toString());
        Path recordFile = dir.resolve("record.json");
        json.writeValue(recordFile.toFile(), plain(expected));

        JsonNode out = node("encode", server.url(), TOPIC + "-value", schemaFile.toString(), recordFile.toString());
        byte[] fromNode = HexFormat.of().parseHex(out.get("hex").asText());
        AvroSerde<PlateRead> serde = AvroSerde.forValues(PlateRead.class, registry);

        assertThat(serde.deserializer().deserialize(TOPIC, fromNode)).isEqualTo(expected);
        assertThat(serde.serializer().serialize(TOPIC, expected)).isEqualTo(fromNode);
        assertThat(out.get("id").asInt()).isEqualTo(registry.lookup(TOPIC + "-value", PlateRead.getClassSchema()));
    }

    @Test
    void shouldDecodeInNodeWhatJavaEncoded() throws Exception {
        PlateRead record = SampleRecords.plateRead();
        byte[] bytes = AvroSerde.forValues(PlateRead.class, registry).serializer().serialize(TOPIC, record);

        JsonNode decoded = node("decode", server.url(), HexFormat.of().formatHex(bytes));

        assertThat(decoded.toString()).isEqualTo(json.writeValueAsString(plain(record)));
    }

    private JsonNode node(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "interop.js"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(NODE_DIR.toFile()).start();
        byte[] stdout = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(process.exitValue()).as("node failed: %s", stderr).isZero();
        return json.readTree(stdout);
    }

    /** The record as plain JSON the way avsc represents it: unwrapped unions, timestamps as epoch millis. */
    private static Object plain(Object value) {
        if (value instanceof GenericRecord record) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Schema.Field field : record.getSchema().getFields()) {
                map.put(field.name(), plain(record.get(field.pos())));
            }
            return map;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(NodeInteropTest::plain).toList();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }
}
