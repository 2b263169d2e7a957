package io.ovr.alpr.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovr.alpr.cli.AlprCommand;
import io.ovr.alpr.processors.text.PlateText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo end to end, on the real embedded servers: the generated video is read by edge capture,
 * its plates reach PostgreSQL and OpenSearch, a hotlist plate raises an alert that the local webhook
 * receives with a valid signature, and Debian's Chromium drives the web console. Then
 * {@code alpr demo --duration} runs again on the same data directory and resumes.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoEndToEndTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    private static final Duration PIPELINE = Duration.ofMinutes(4);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String database = "alpr_demo_test_" + UUID.randomUUID().toString().substring(0, 8);
    private final StringWriter startup = new StringWriter();
    private Path dataDir;
    private DemoStack stack;
    private long rowsBeforeResume = -1;

    @BeforeAll
    void startDemo() throws Exception {
        dataDir = Files.createTempDirectory("alpr-demo-test-");
        stack = DemoStack.start(new DemoStack.Config(dataDir, 0, 0, 0, POSTGRES, database, 8, 6),
                new PrintWriter(startup, true));
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (!usesEmbeddedPostgres()) {
            try (Connection c = DriverManager.getConnection(POSTGRES); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
        deleteRecursively(dataDir);
    }

    @Test
    @Order(1)
    void shouldCarryThePlatesOfTheVideoToPostgresAndOpenSearchAndDeliverAHotlistAlertToTheWebhook() throws Exception {
        Set<String> truth = stack.videoPlates().stream().map(p -> PlateText.fold(PlateText.normalize(p)))
                .collect(Collectors.toSet());

        await("3 of the video's plates in PostgreSQL").atMost(PIPELINE).pollInterval(Duration.ofSeconds(2))
                .until(() -> intersect(sqlFolded(), truth).size() >= 3);
        await("the same plates searchable in OpenSearch").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(2)).until(() -> intersect(searchFolded(), truth).size() >= 3);
        await("a hotlist plate delivered to the webhook").atMost(PIPELINE).pollInterval(Duration.ofSeconds(2))
                .until(() -> stack.webhook().deliveries().stream().anyMatch(d -> isHotlisted(d.plate())));

        assertThat(stack.webhook().rejected()).as("deliveries with a bad signature").isZero();
        assertThat(deliveredInSql()).as("DELIVERED attempts in alert_deliveries").isPositive();
        await("the garbled camera's cut-off read in the dead-letter view").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(2)).until(() -> deadLetterReasons().contains("TOO_SHORT"));
        assertThat(deadLetterReasons()).as("no dead letters but the garbled camera's").containsOnly("TOO_SHORT");
    }

    @Test
    @Order(2)
    void shouldShowTheLiveFeedSearchAndPlatePageInChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + " (.ci/run installs Debian's chromium)");
        String plate = sqlNormalized().stream().filter(this::isHotlisted).findFirst()
                .orElseGet(() -> sqlNormalized().iterator().next());
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Process node = new ProcessBuilder("node", "console.mjs", stack.apiUrl() + "/console#key=" + stack.adminKey(),
                plate, shots.toAbsolutePath().toString()).directory(Path.of("src", "test", "node").toFile())
                .redirectErrorStream(true).start();
        boolean finished = node.waitFor(4, TimeUnit.MINUTES);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            node.destroyForcibly();
        }

        assertThat(finished).as("the browser test finished: %s", output).isTrue();
        assertThat(node.exitValue()).as("browser test: %s", output).isZero();
        JsonNode seen = json.readTree(output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow())
                .path("seen");
        assertThat(seen.path("feedAfterUpdate").asInt()).isGreaterThan(seen.path("feedAtStart").asInt());
        assertThat(seen.path("plateTitle").asText()).isEqualTo(plate);
        assertThat(seen.path("historyRows").asInt()).isPositive();
        assertThat(shots.resolve("console-plate.png")).isNotEmptyFile();
    }

    @Test
    @Order(3)
    void shouldResumeOnTheSameDataDirectoryInATimedRun() throws Exception {
        rowsBeforeResume = usesEmbeddedPostgres() ? -1 : eventRows();
        stack.close();
        stack = null;

        StringWriter out = new StringWriter();
        int exit = AlprCommand.commandLine().setOut(new PrintWriter(out)).execute("demo", "--duration", "15s",
                "--data-dir", dataDir.toString(), "--database", database, "--api-port", "0", "--postgres-url", POSTGRES);

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("7 topics ready", "6 subjects registered", "Web console",
                "stopped cleanly");
        if (rowsBeforeResume >= 0) {
            assertThat(eventRows()).as("rows kept and not duplicated across the runs").isGreaterThanOrEqualTo(
                    rowsBeforeResume).isEqualTo(distinctEventIds());
        }
    }

    /** The reasons of the newest dead letters, read through the API as the console does. */
    private Set<String> deadLetterReasons() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.apiUrl()
                + "/api/v1/dlq?limit=100")).header("X-API-Key", stack.adminKey()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Set<String> reasons = new HashSet<>();
        json.readTree(response.body()).path("records").forEach(r -> reasons.add(r.path("reason").asText()));
        return reasons;
    }

    private boolean usesEmbeddedPostgres() {
        return startup.toString().contains("(embedded, in");
    }

    private boolean isHotlisted(String plate) {
        return plate != null && stack.hotlistPlates().stream().anyMatch(h -> PlateText.fold(h).equals(PlateText.fold(plate)));
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private Set<String> sqlFolded() throws SQLException {
        return query("SELECT DISTINCT folded FROM plate_events");
    }

    private Set<String> sqlNormalized() {
        try {
            return query("SELECT normalized FROM plate_events ORDER BY captured_at");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long deliveredInSql() throws SQLException {
        return query("SELECT id FROM alert_deliveries WHERE outcome = 'DELIVERED'").size();
    }

    private long eventRows() throws SQLException {
        return query("SELECT event_id FROM plate_events").size();
    }

    private long distinctEventIds() throws SQLException {
        return query("SELECT DISTINCT event_id FROM plate_events").size();
    }

    private Set<String> query(String sql) throws SQLException {
        Set<String> values = new java.util.LinkedHashSet<>();
        try (Connection c = DriverManager.getConnection(stackJdbcUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private String stackJdbcUrl() {
        return stack != null ? stack.jdbcUrl() : POSTGRES.replace("/postgres?", "/" + database + "?");
    }

    /** The folded plates OpenSearch holds, asked directly (a terms aggregation over the alias). */
    private Set<String> searchFolded() throws IOException, InterruptedException {
        String body = "{\"size\":0,\"aggs\":{\"plates\":{\"terms\":{\"field\":\"folded\",\"size\":100}}}}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.searchUrl()
                        + "/alpr-events/_search")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Set.of();
        }
        Set<String> plates = new HashSet<>();
        json.readTree(response.body()).path("aggregations").path("plates").path("buckets")
                .forEach(b -> plates.add(b.path("key").asText()));
        return plates;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
