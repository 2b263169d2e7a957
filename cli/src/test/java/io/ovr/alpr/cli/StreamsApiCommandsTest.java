package io.ovr.alpr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ovr.alpr.api.auth.ApiKeys;
import io.ovr.alpr.api.auth.Principal;
import io.ovr.alpr.api.auth.Role;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code alpr streams} with its query API, {@code alpr admin hotlist import} and {@code alpr admin apikey create}. */
@Tag("integration")
class StreamsApiCommandsTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void topicsAndRegistry() throws Exception {
        registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
        run(0, "admin", "topics", "create", "--bootstrap-servers", KAFKA.bootstrapServers(), "--partitions", "2");
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldImportAValidHotlistCsvAndWriteNothingOfAnInvalidOne(@TempDir Path dir) throws IOException {
        Path valid = Files.writeString(dir.resolve("valid.csv"), "plate,reason,priority\nab-123,stolen,5\nCD 456,bolo,\n");
        Path invalid = Files.writeString(dir.resolve("invalid.csv"), "plate,reason\nEF789,ok\nGH*1,bad\n");
        Path marker = Files.writeString(dir.resolve("marker.csv"), "plate,reason\nMARK1,marker\n");

        String imported = run(0, "admin", "hotlist", "import", valid.toString(), "--bootstrap-servers",
                KAFKA.bootstrapServers(), "--registry-url", registry.url(), "--written-by", "ci");
        String rejected = run(1, "admin", "hotlist", "import", invalid.toString(), "--bootstrap-servers",
                KAFKA.bootstrapServers(), "--registry-url", registry.url());
        run(0, "admin", "hotlist", "import", marker.toString(), "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--registry-url", registry.url());

        assertThat(imported).contains("imported 2 hotlist entries");
        assertThat(rejected).contains("was not imported (nothing was written)", "line 3");
        assertThat(hotlistKeys(3)).containsExactly("AB123", "CD456", "MARK1");
    }

    @Test
    void shouldCreateAnApiKeyWhoseEntryAuthenticatesTheKeyAndHoldsOnlyItsHash() {
        String out = run(0, "admin", "apikey", "create", "--name", "ci-bot", "--role", "investigator");
        List<String> lines = out.lines().map(String::strip).toList();
        String key = lines.get(1);
        String entry = lines.get(3);

        assertThat(entry).startsWith("ci-bot:investigator:sha256:").doesNotContain(key);
        assertThat(ApiKeys.parse(entry).authenticate(key)).contains(new Principal("ci-bot", Role.INVESTIGATOR));
    }

    @Test
    void shouldRunStreamsWithItsQueryApiAdvertisedAsTheApplicationServer(@TempDir Path dir) throws Exception {
        int port = freePort();
        StringWriter out = new StringWriter();
        Thread streams = new Thread(() -> AlprCommand.commandLine().setOut(new PrintWriter(out))
                .setErr(new PrintWriter(new StringWriter())).execute("streams", "--bootstrap-servers",
                        KAFKA.bootstrapServers(), "--registry-url", registry.url(), "--state-dir", dir.toString(),
                        "--application-id", "alpr-cli-api-it", "--api-port", Integer.toString(port), "--api-bind",
                        "127.0.0.1", "--advertised-host", "127.0.0.1", "--api-keys", "ci:viewer:ci-key-0123456789"),
                "alpr-streams-under-test");
        streams.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            await("ready").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    get(http, port, "/ready", null).statusCode() == 200);
            String instances = get(http, port, "/api/v1/instances", "ci-key-0123456789").body();

            assertThat(instances).contains("\"instance\":\"127.0.0.1:" + port + "\"", "\"self\":true");
            assertThat(get(http, port, "/api/v1/instances", null).statusCode()).isEqualTo(401);
            assertThat(out.toString()).contains("query API on 127.0.0.1:" + port, "advertised as 127.0.0.1:" + port);
        } finally {
            streams.interrupt();
            streams.join(Duration.ofSeconds(60).toMillis());
        }
        assertThat(streams.isAlive()).isFalse();
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> hotlistKeys(int expected) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "hotlist-check-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(AlprTopics.HOTLIST));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (keys.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
            }
            keys.addAll(consumer.poll(Duration.ofSeconds(1)).records(AlprTopics.HOTLIST).iterator().hasNext()
                    ? List.of("unexpected extra record") : List.of());
        }
        return keys;
    }

    private static String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AlprCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(expectedExit);
        return out + err.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
