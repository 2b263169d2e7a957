package io.ovr.alpr.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ovr.alpr.cli.AlprCommand;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.devstack.PostgresDatabase;
import io.ovr.alpr.devstack.PostgresExtension;
import io.ovr.alpr.devstack.S3ServerExtension;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts every long-running role in this JVM ({@code streams}, {@code sink timescale|opensearch|alerts},
 * {@code edge}) against an embedded broker, registry, S3 server and the machine's PostgreSQL,
 * scrapes each role's {@code /metrics}, and checks that every metric a Grafana dashboard or a
 * Prometheus alert rule uses is exposed by some role (or is one of the listed exporters' metrics).
 * A role is stopped by interrupting its thread, which ends its lifecycle as a signal would.
 */
@Tag("integration")
class RoleMetricsTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.machineOrEmbedded();
    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    @TempDir
    static Path dir;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> SCRAPES = new LinkedHashMap<>();
    private static final List<Thread> ROLES = new ArrayList<>();
    private static final Map<String, StringWriter> OUTPUT = new LinkedHashMap<>();
    private static EmbeddedSchemaRegistry registry;
    private static PostgresDatabase database;

    @BeforeAll
    static void startEveryRoleAndScrapeIt() throws Exception {
        registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
        database = POSTGRES.newDatabase();
        run("admin", "topics", "create", "--bootstrap-servers", KAFKA.bootstrapServers(), "--partitions", "2");
        run("admin", "db", "migrate", "--db-url", database.jdbcUrl(), "--db-user", "");
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String role : List.of("streams", "sink-timescale", "sink-opensearch", "sink-alerts", "edge")) {
            ports.put(role, freePort());
        }
        start("streams", "streams", "--application-id", "alpr-metrics-it", "--state-dir",
                dir.resolve("state").toString(), "--api-bind", "127.0.0.1", "--api-port",
                ports.get("streams").toString(), "--advertised-host", "127.0.0.1");
        start("sink-timescale", "sink", "timescale", "--db-url", database.jdbcUrl(), "--db-user", "",
                "--metrics-bind", "127.0.0.1", "--metrics-port", ports.get("sink-timescale").toString());
        start("sink-opensearch", "sink", "opensearch", "--opensearch-url", "http://127.0.0.1:" + freePort(),
                "--metrics-bind", "127.0.0.1", "--metrics-port", ports.get("sink-opensearch").toString());
        start("sink-alerts", "sink", "alerts", "--channels-file", channelsFile().toString(), "--webhook-secret",
                "metrics-test-only", "--db-url", database.jdbcUrl(), "--db-user", "", "--metrics-bind", "127.0.0.1",
                "--metrics-port", ports.get("sink-alerts").toString());
        start("edge", "edge", "--source", sampleImage().toString(), "--loop", "--camera", "cam-1", "--threads", "1",
                "--spool-dir", dir.resolve("spool").toString(), "--s3-endpoint", S3.endpoint(), "--s3-access-key",
                S3.accessKey(), "--s3-secret-key", S3.secretKey(), "--metrics-bind", "127.0.0.1",
                "--metrics-port", ports.get("edge").toString());
        sendRead();
        awaitScrape("streams", ports.get("streams"), "alpr_pipeline_reads_total 1.0", "kafka_consumer_fetch_manager_records_lag");
        awaitScrape("sink-timescale", ports.get("sink-timescale"), "kafka_consumer_fetch_manager_records_lag");
        awaitScrape("sink-opensearch", ports.get("sink-opensearch"), "kafka_consumer_fetch_manager_records_lag");
        awaitScrape("sink-alerts", ports.get("sink-alerts"), "kafka_consumer_fetch_manager_records_lag");
        awaitScrape("edge", ports.get("edge"), "alpr_edge_frames_total", "kafka_producer_");
        // meters registered on first use (a GC's pause timer, the API's request timer after the
        // first scrape) then show in every role: one collection, then a last scrape of each
        System.gc();
        for (Map.Entry<String, Integer> role : ports.entrySet()) {
            SCRAPES.put(role.getKey(), scrape(role.getValue()));
        }
        Path dump = Files.createDirectories(Path.of("target", "role-metrics"));
        for (Map.Entry<String, String> e : SCRAPES.entrySet()) {
            Files.writeString(dump.resolve(e.getKey() + ".prom"), e.getValue());
        }
    }

    @AfterAll
    static void stopEveryRole() throws Exception {
        for (Thread role : ROLES) {
            role.interrupt();
        }
        for (Thread role : ROLES) {
            role.join(Duration.ofSeconds(60).toMillis());
        }
        assertThat(ROLES).as("roles still running after their interrupt (they would load the rest of the suite)")
                .noneMatch(Thread::isAlive);
        if (registry != null) {
            registry.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void shouldExposeJvmAndKafkaClientMetricsOnEveryRole() {
        SCRAPES.forEach((role, text) -> assertThat(names(text)).as(role)
                .contains("jvm_memory_used_bytes", "jvm_gc_pause_seconds_count", "process_cpu_usage")
                .anyMatch(n -> n.startsWith("kafka_consumer_") || n.startsWith("kafka_producer_")));
    }

    @Test
    void shouldExposeEachRolesOwnMetrics() {
        assertThat(names(SCRAPES.get("streams"))).contains("alpr_pipeline_reads_total", "alpr_pipeline_rejects_total",
                "alpr_pipeline_alerts_total", "alpr_pipeline_reads_suppressed_total");
        for (String sink : List.of("sink-timescale", "sink-opensearch", "sink-alerts")) {
            assertThat(names(SCRAPES.get(sink))).as(sink).contains("alpr_sink_rows_written_total",
                    "alpr_sink_dlq_total", "alpr_sink_batch_latency_seconds_count",
                    "kafka_consumer_fetch_manager_records_lag_max");
        }
        assertThat(names(SCRAPES.get("sink-alerts"))).contains("alpr_notifier_deliveries_total");
        assertThat(names(SCRAPES.get("edge"))).contains("alpr_edge_fps", "alpr_edge_stage_seconds_count",
                "alpr_edge_frames_total");
    }

    @Test
    void shouldExposeEveryMetricThatADashboardOrAlertRuleUses() throws IOException {
        Map<String, Set<String>> used = MonitoringQueries.metricNames();
        Set<String> exposed = exposedNames();

        Map<String, Set<String>> missing = new LinkedHashMap<>();
        used.forEach((name, where) -> {
            if (!exposed.contains(name) && !fromExporters(name)) {
                missing.put(name, where);
            }
        });

        assertThat(used.keySet()).as("metric names found in the dashboards and rules")
                .contains("alpr_pipeline_reads_total", "alpr_sink_paused", "alpr_edge_fps",
                        "kafka_stream_thread_process_rate", "kafka_consumergroup_lag", "up");
        assertThat(missing).as("metrics used by dashboards or alert rules that no role exposes").isEmpty();
    }

    /** Metrics of Prometheus itself and of the stack's exporters (kafka, postgres, node, cAdvisor). */
    private static boolean fromExporters(String name) {
        return EXPORTER_METRICS.contains(name) || name.startsWith("node_") || name.startsWith("pg_")
                || name.startsWith("container_") || name.startsWith("prometheus_");
    }

    private static final Set<String> EXPORTER_METRICS = Set.of("up", "kafka_consumergroup_lag",
            "kafka_consumergroup_lag_sum", "kafka_topic_partition_current_offset",
            "kafka_topic_partition_oldest_offset", "kafka_brokers");

    static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    static Set<String> exposedNames() {
        Set<String> all = new TreeSet<>();
        SCRAPES.values().forEach(text -> all.addAll(names(text)));
        return all;
    }

    private static void awaitScrape(String role, int port, String... markers) {
        await(role + " /metrics with " + List.of(markers)).atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    String text = scrape(port);
                    for (String marker : markers) {
                        if (text == null || !text.contains(marker)) {
                            return false;
                        }
                    }
                    SCRAPES.put(role, text);
                    return true;
                });
    }

    private static String scrape(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException notYet) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void start(String name, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", KAFKA.bootstrapServers(), "--registry-url", registry.url()));
        StringWriter out = new StringWriter();
        OUTPUT.put(name, out);
        Thread role = new Thread(() -> AlprCommand.commandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(out, true)).execute(all.toArray(String[]::new)), "role-" + name);
        role.setDaemon(true);
        role.start();
        ROLES.add(role);
    }

    private static Path channelsFile() throws IOException {
        return Files.writeString(dir.resolve("channels.yaml"), """
                channels:
                  - name: ops-webhook
                    type: webhook
                    url: http://127.0.0.1:9/hook
                """);
    }

    private static Path sampleImage() throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.fillRect(110, 150, 100, 30);
        g.dispose();
        Path file = dir.resolve("frame.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void sendRead() {
        AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                RegistryClientConfig.of(registry.url())), SerdeOptions.values());
        PlateRead read = PlateRead.newBuilder().setReadId("metrics-it-1").setCameraId("cam-1")
                .setCapturedAt(Instant.now()).setText("ABC1234").setConfidence(0.9f).build();
        try (KafkaProducer<String, PlateRead> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                KAFKA.bootstrapServers()), new StringSerializer(), topics.detectionsRaw().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(AlprTopics.DETECTIONS_RAW, "cam-1", read));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(String... args) {
        StringWriter out = new StringWriter();
        int exit = AlprCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute(args);
        assertThat(exit).as(out.toString()).isZero();
    }
}
