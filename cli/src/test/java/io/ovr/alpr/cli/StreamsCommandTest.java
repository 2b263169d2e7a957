package io.ovr.alpr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alpr streams} as an operator runs it: a separate process against a broker and a registry.
 * It advertises its query address, reports its state changes, processes a read, and SIGTERM closes
 * it cleanly: the Streams client has closed before the process exits.
 */
@Tag("integration")
class StreamsCommandTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void shouldReportStateChangesAndCloseCleanlyOnSigterm(@TempDir Path stateDir) throws Exception {
        run("admin", "topics", "create", "--bootstrap-servers", KAFKA.bootstrapServers(), "--partitions", "2");
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0)) {
            int apiPort = freePort();
            Process process = new ProcessBuilder(javaCommand("streams", "--bootstrap-servers",
                    KAFKA.bootstrapServers(), "--registry-url", registry.url(), "--state-dir", stateDir.toString(),
                    "--application-id", "alpr-streams-cli-it", "--api-bind", "127.0.0.1", "--api-port",
                    Integer.toString(apiPort), "--advertised-host", "127.0.0.1"))
                    .redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            Thread reader = collect(process, output);
            try {
                await("streams running").atMost(Duration.ofMinutes(2)).until(() -> contains(output, "-> RUNNING"));
                sendRead(registry.url());
                await("the read enriched").atMost(Duration.ofMinutes(1)).until(StreamsCommandTest::enrichedCount,
                        count -> count > 0);

                process.toHandle().destroy();

                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
                reader.join();
            } finally {
                process.destroyForcibly();
            }
            assertThat(String.join("\n", output)).contains("streams alpr-streams-cli-it on",
                    "advertised as 127.0.0.1:" + apiPort, "REBALANCING -> RUNNING", "RUNNING -> PENDING_SHUTDOWN",
                    "streams closed cleanly").doesNotContain("ERROR", "Processing exception handler is not");
            assertThat(process.exitValue()).as("the JVM's exit status after SIGTERM and its shutdown hooks")
                    .isEqualTo(143);
        }
    }

    private static void sendRead(String registryUrl) {
        AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                RegistryClientConfig.of(registryUrl)), SerdeOptions.values());
        PlateRead read = PlateRead.newBuilder().setReadId("cli-it-1").setCameraId("cam-1")
                .setCapturedAt(Instant.now()).setText("ABC1234").setConfidence(0.9f).build();
        try (KafkaProducer<String, PlateRead> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                KAFKA.bootstrapServers()), new StringSerializer(), topics.detectionsRaw().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(AlprTopics.DETECTIONS_RAW, "cam-1", read));
        }
    }

    private static int enrichedCount() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.GROUP_ID_CONFIG, "cli-it-check-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(AlprTopics.PLATES_ENRICHED));
            return consumer.poll(Duration.ofSeconds(2)).count();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), AlprCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Reads the process's output to the end (Process.destroy would close the stream: signal its handle). */
    private static Thread collect(Process process, List<String> into) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (into) {
                        into.add(line);
                    }
                }
            } catch (IOException closed) {
                // the process is gone
            }
        }, "streams-output");
        reader.start();
        return reader;
    }

    private static boolean contains(List<String> lines, String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }
    }

    private static void run(String... args) {
        StringWriter out = new StringWriter();
        int exit = AlprCommand.commandLine().setOut(new PrintWriter(out)).execute(args);
        assertThat(exit).as(out.toString()).isZero();
    }
}
