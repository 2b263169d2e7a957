package io.ovr.alpr.api;

import static io.ovr.alpr.api.ApiNode.ADMIN_KEY;
import static io.ovr.alpr.api.ApiNode.INVESTIGATOR_KEY;
import static io.ovr.alpr.api.ApiNode.VIEWER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ovr.alpr.api.admin.AdminWriter;
import io.ovr.alpr.api.audit.LogAuditLog;
import io.ovr.alpr.api.auth.PeerSignature;
import io.ovr.alpr.api.http.Json;
import io.ovr.alpr.api.iq.StandbyLag;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.topology.AlprTopology;
import io.ovr.alpr.topology.StreamsSettings;
import io.ovr.alpr.topology.TopologyConfig;
import io.ovr.alpr.topology.stores.QueryStores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Every route of the API against one real streams instance (the real topology on the embedded
 * broker), over real HTTP: the live state, hotlist and camera administration through Kafka and
 * back through the global stores, auth per role, the audit log, and hostile input.
 */
@Tag("integration")
class QueryApiIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
    private static final String PURPOSE = "purpose=case%2042";
    private static final Http HTTP = new Http();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Cluster cluster;
    private static ApiNode node;

    @BeforeAll
    static void startAndLoad() throws Exception {
        cluster = new Cluster(KAFKA.bootstrapServers(), 3);
        node = ApiNode.start(cluster.bootstrap, cluster.topics, Files.createTempDirectory("alpr-api-it-"), 0);
        await("streams running").atMost(Duration.ofSeconds(60)).until(() ->
                node.runner.state() == KafkaStreams.State.RUNNING);
        registerCamera("cam-a", "North gate");
        registerCamera("cam-b", "South gate");
        assertThat(HTTP.put(node.url("/api/v1/hotlist/stolen-1"), ADMIN_KEY, "application/json",
                "{\"reason\":\"stolen\",\"priority\":5}").status()).isEqualTo(202);
        await("cameras and hotlist in the global stores").atMost(Duration.ofSeconds(30)).until(() ->
                HTTP.get(node.url("/api/v1/cameras"), VIEWER_KEY).json().path("cameras").size() == 2
                        && HTTP.get(node.url("/api/v1/hotlist/STOLEN1"), ADMIN_KEY).status() == 200);
        cluster.produce(List.of(
                Cluster.read("cam-a", "AB 123 CD", T0),
                Cluster.read("cam-a", "XY999", T0.plusSeconds(10)),
                Cluster.read("cam-b", "STOLEN1", T0.plusSeconds(30)),
                Cluster.read("cam-b", "AB123CD", T0.plusSeconds(60)),
                Cluster.read("cam-a", "AB-123-CD", T0.plusSeconds(120))));
        await("events and alerts in the stores").atMost(Duration.ofSeconds(60)).until(() ->
                HTTP.get(node.url("/api/v1/plates/AB123CD/passes?" + PURPOSE), INVESTIGATOR_KEY).json()
                        .path("count").asInt() == 3
                        && HTTP.get(node.url("/api/v1/alerts/recent?" + PURPOSE), INVESTIGATOR_KEY).json()
                        .path("count").asInt() == 1);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldAnswerTheLatestSightingOfAPlateWithTheCameraItWasEnrichedWith() {
        Http.Reply reply = HTTP.get(node.url("/api/v1/plates/ab-123-cd/latest?" + PURPOSE), INVESTIGATOR_KEY);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("plate").asText()).isEqualTo("AB123CD");
        assertThat(body.path("event").path("camera_id").asText()).isEqualTo("cam-a");
        assertThat(body.path("event").path("camera_name").asText()).isEqualTo("North gate");
        assertThat(Instant.parse(body.path("event").path("captured_at").asText())).isEqualTo(T0.plusSeconds(120));
        assertThat(body.path("stale").asBoolean()).isFalse();
        assertThat(body.path("served_by").get(0).asText()).isEqualTo(node.name());
    }

    @Test
    void shouldAnswer404ForAPlateNeverSeen() {
        Http.Reply reply = HTTP.get(node.url("/api/v1/plates/NEVER1/latest?" + PURPOSE), INVESTIGATOR_KEY);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.isProblem()).isTrue();
    }

    @Test
    void shouldListThePassesOfAPlateInTheRangeNewestFirstAndHonourTheLimit() {
        JsonNode all = HTTP.get(node.url("/api/v1/plates/AB123CD/passes?" + PURPOSE), INVESTIGATOR_KEY).json();
        JsonNode two = HTTP.get(node.url("/api/v1/plates/AB123CD/passes?limit=2&" + PURPOSE), INVESTIGATOR_KEY).json();
        JsonNode early = HTTP.get(node.url("/api/v1/plates/AB123CD/passes?from=" + T0 + "&to=" + T0.plusSeconds(61)
                + "&" + PURPOSE), INVESTIGATOR_KEY).json();

        assertThat(times(all.path("passes"))).containsExactly(T0.plusSeconds(120), T0.plusSeconds(60), T0);
        assertThat(times(two.path("passes"))).containsExactly(T0.plusSeconds(120), T0.plusSeconds(60));
        assertThat(times(early.path("passes"))).containsExactly(T0.plusSeconds(60), T0);
    }

    @Test
    void shouldCountReadsPerCameraPerMinuteForOneCameraAndForAll() {
        String range = "from=" + T0.minusSeconds(60) + "&to=" + T0.plusSeconds(600);
        JsonNode camA = HTTP.get(node.url("/api/v1/cameras/cam-a/counts?" + range), VIEWER_KEY).json();
        JsonNode all = HTTP.get(node.url("/api/v1/counts?" + range), VIEWER_KEY).json();

        assertThat(camA.path("total_reads").asLong()).isEqualTo(3);
        assertThat(camA.path("counts").size()).isEqualTo(2);
        assertThat(all.path("total_reads").asLong()).isEqualTo(5);
        assertThat(all.path("truncated").asBoolean()).isFalse();
        assertThat(StreamSupport.stream(all.path("counts").spliterator(), false)
                .filter(c -> c.path("camera_id").asText().equals("cam-b")).mapToLong(c -> c.path("reads").asLong())
                .sum()).isEqualTo(2);
    }

    @Test
    void shouldSayWhenAllCameraCountsAreCutAtTheLimit() {
        String range = "from=" + T0.minusSeconds(60) + "&to=" + T0.plusSeconds(600);
        JsonNode cut = HTTP.get(node.url("/api/v1/counts?limit=2&" + range), VIEWER_KEY).json();
        JsonNode exact = HTTP.get(node.url("/api/v1/counts?limit=4&" + range), VIEWER_KEY).json();

        assertThat(cut.path("count").asInt()).isEqualTo(2);
        assertThat(cut.path("truncated").asBoolean()).isTrue();
        assertThat(exact.path("count").asInt()).as("cam-a has 2 minutes, cam-b 2").isEqualTo(4);
        assertThat(exact.path("truncated").asBoolean()).isFalse();
    }

    @Test
    void shouldAnswerHistorySearchImagesAndAuditWith503NamingTheOptionWhenNoStoreIsConfigured() {
        Map<String, String> routes = Map.of(
                "/api/v1/events?plate=AB123CD&" + PURPOSE, "--db-url",
                "/api/v1/events/0b6f9c1e-7d1a-4c1e-9d7e-2a4b5c6d7e8f?" + PURPOSE, "--db-url",
                "/api/v1/alerts?" + PURPOSE, "--db-url",
                "/api/v1/stats/hourly", "--db-url",
                "/api/v1/admin/audit", "--db-url",
                "/api/v1/alerts/deliveries?" + PURPOSE, "--db-url",
                "/api/v1/search?q=AB123CD&" + PURPOSE, "--opensearch-url",
                "/api/v1/events/0b6f9c1e-7d1a-4c1e-9d7e-2a4b5c6d7e8f/image?" + PURPOSE, "--s3-endpoint");
        routes.forEach((path, option) -> {
            Http.Reply reply = HTTP.get(node.url(path), ADMIN_KEY);
            assertThat(reply.status()).as(path).isEqualTo(503);
            assertThat(reply.isProblem()).as(path).isTrue();
            assertThat(reply.json().path("title").asText()).as(path).isEqualTo("Not configured");
            assertThat(reply.json().path("detail").asText()).as(path).contains(option);
            assertThat(reply.header("Retry-After")).as(path).isNull();
        });
        assertThat(HTTP.get(node.url("/ready"), null).json().path("checks").size()).as("streams only").isEqualTo(1);
    }

    @Test
    void shouldLetAStorePartitionAnswerAStandbyReadOnlyWhenItsMeasuredLagIsWithinTheBound() throws Exception {
        StandbyLag bounded = new StandbyLag(node.runner.streams(), 0, Clock.systemUTC());
        StandbyLag unbounded = new StandbyLag(node.runner.streams(), -1, Clock.systemUTC());
        Topology topology = AlprTopology.build(TopologyConfig.defaults(), cluster.topics, new PipelineCounters());

        assertThat(bounded.withinBound(QueryStores.PLATE_LATEST, 0)).as("caught up: lag 0").isTrue();
        assertThat(bounded.withinBound(QueryStores.PLATE_LATEST, 99)).as("not held here: lag unknown").isFalse();
        assertThat(unbounded.withinBound(QueryStores.PLATE_LATEST, 99)).isTrue();
        try (KafkaStreams notStarted = new KafkaStreams(topology, StreamsSettings.defaults(cluster.bootstrap,
                Files.createTempDirectory("alpr-api-lag-")).withApplicationId("alpr-api-lag").toProperties())) {
            assertThat(new StandbyLag(notStarted, 1_000_000, Clock.systemUTC()).withinBound(QueryStores.PLATE_LATEST,
                    0)).as("streams not running: lag unknown").isFalse();
        }
    }

    @Test
    void shouldListTheRecentHotlistAlert() {
        JsonNode alerts = HTTP.get(node.url("/api/v1/alerts/recent?" + PURPOSE), INVESTIGATOR_KEY).json();

        assertThat(alerts.path("alerts").get(0).path("plate").asText()).isEqualTo("STOLEN1");
        assertThat(alerts.path("alerts").get(0).path("kind").asText()).isEqualTo("HOTLIST");
        assertThat(alerts.path("alerts").get(0).path("hotlist_entry").path("reason").asText()).isEqualTo("stolen");
    }

    @Test
    void shouldRequireAPurposeForEveryPlateLookupAndNameTheField() {
        for (String path : List.of("/api/v1/plates/AB123CD/latest", "/api/v1/plates/AB123CD/passes",
                "/api/v1/alerts/recent", "/api/v1/plates/AB123CD/latest?purpose=%20%20",
                "/api/v1/plates/AB123CD/latest?purpose=ab")) {
            Http.Reply reply = HTTP.get(node.url(path), INVESTIGATOR_KEY);

            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.json().path("field").asText()).as(path).isEqualTo("purpose");
        }
    }

    @Test
    void shouldWriteOneAuditEntryPerPlateLookupWithWhoWhatWhyAndHowMany() throws Exception {
        Logger audit = (Logger) LoggerFactory.getLogger("alpr.audit");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        audit.addAppender(appender);
        try {
            Http.Reply reply = HTTP.get(node.url("/api/v1/plates/AB123CD/passes?purpose=case%2077%20burglary"),
                    INVESTIGATOR_KEY);

            assertThat(appender.list).hasSize(1);
            JsonNode entry = MAPPER.readTree(appender.list.get(0).getFormattedMessage());
            assertThat(entry.path("principal").asText()).isEqualTo("detective");
            assertThat(entry.path("role").asText()).isEqualTo("investigator");
            assertThat(entry.path("action").asText()).isEqualTo("plate.passes");
            assertThat(entry.path("plate").asText()).isEqualTo("AB123CD");
            assertThat(entry.path("query").asText()).startsWith("AB123CD ");
            assertThat(entry.path("purpose").asText()).isEqualTo("case 77 burglary");
            assertThat(entry.path("results").asInt()).isEqualTo(3);
            assertThat(entry.path("client").asText()).isEqualTo("127.0.0.1");
            assertThat(entry.path("instance").asText()).isEqualTo(node.name());
            assertThat(entry.path("request_id").asText()).isEqualTo(reply.header("X-Request-Id"));
        } finally {
            audit.detachAppender(appender);
        }
    }

    @Test
    void shouldAnswer401WithoutOrWithAnUnknownKeyAnd403ForARoleBelowTheRoute() {
        Map<String, String> routes = Map.of(
                "/api/v1/cameras", "viewer",
                "/api/v1/counts", "viewer",
                "/api/v1/topology", "viewer",
                "/api/v1/plates/AB123CD/latest?" + PURPOSE, "investigator",
                "/api/v1/alerts/recent?" + PURPOSE, "investigator",
                "/api/v1/hotlist", "admin");
        Map<String, String> keys = Map.of("viewer", VIEWER_KEY, "investigator", INVESTIGATOR_KEY, "admin", ADMIN_KEY);
        List<String> order = List.of("viewer", "investigator", "admin");
        routes.forEach((path, needed) -> {
            Http.Reply none = HTTP.get(node.url(path), null);
            Http.Reply unknown = HTTP.get(node.url(path), "not-a-key-0123456789");
            assertThat(none.status()).as(path).isEqualTo(401);
            assertThat(none.isProblem()).isTrue();
            assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(unknown.status()).as(path).isEqualTo(401);
            keys.forEach((role, key) -> {
                int status = HTTP.get(node.url(path), key).status();
                if (order.indexOf(role) < order.indexOf(needed)) {
                    assertThat(status).as(role + " on " + path).isEqualTo(403);
                } else {
                    assertThat(status).as(role + " on " + path).isEqualTo(200);
                }
            });
        });
        Http.Reply bearer = HTTP.send(Http.request(node.url("/api/v1/cameras"), null)
                .header("Authorization", "Bearer " + VIEWER_KEY).GET());
        assertThat(bearer.status()).isEqualTo(200);
        assertThat(HTTP.put(node.url("/api/v1/hotlist/ZZ1"), INVESTIGATOR_KEY, "application/json",
                "{\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(HTTP.get(node.url("/api/v1/hotlist/ZZ1"), ADMIN_KEY).status()).isEqualTo(404);
    }

    @Test
    void shouldAddChangeAndDeleteAHotlistEntryThroughTheCompactedTopic() {
        String url = node.url("/api/v1/hotlist/AA%20111");

        Http.Reply added = HTTP.put(url, ADMIN_KEY, "application/json",
                "{\"reason\":\"wanted\",\"priority\":3,\"list_name\":\"state\",\"expires_at\":\"2099-01-01T00:00:00Z\"}");
        assertThat(added.status()).isEqualTo(202);
        assertThat(added.json().path("plate").asText()).isEqualTo("AA111");
        await("entry added").atMost(Duration.ofSeconds(20)).until(() ->
                HTTP.get(url, ADMIN_KEY).json().path("priority").asInt() == 3);
        JsonNode entry = HTTP.get(url, ADMIN_KEY).json();
        assertThat(entry.path("added_by").asText()).isEqualTo("ops");
        assertThat(entry.path("list_name").asText()).isEqualTo("state");

        assertThat(HTTP.put(url, ADMIN_KEY, "application/json", "{\"reason\":\"wanted\",\"priority\":5}").status())
                .isEqualTo(202);
        await("entry changed").atMost(Duration.ofSeconds(20)).until(() ->
                HTTP.get(url, ADMIN_KEY).json().path("priority").asInt() == 5);

        assertThat(HTTP.delete(url, ADMIN_KEY).status()).isEqualTo(202);
        await("entry deleted").atMost(Duration.ofSeconds(20)).until(() -> HTTP.get(url, ADMIN_KEY).status() == 404);
    }

    @Test
    void shouldImportAValidCsvAndRejectAnInvalidOneWithoutWritingAnyOfIt() {
        String valid = "plate,reason,priority,list_name,expires_at,notes\n"
                + "CSV 001,stolen,4,state,2099-12-31,\"blue van, dented\"\n"
                + "csv-002,\"wanted \"\"armed\"\"\",5,,,\n"
                + "CSV003,bolo,,,2099-01-01T00:00:00Z,\n";
        Http.Reply imported = HTTP.post(node.url("/api/v1/hotlist/import"), ADMIN_KEY, "text/csv", valid);
        assertThat(imported.status()).isEqualTo(202);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(3);
        await("imported rows visible").atMost(Duration.ofSeconds(20)).until(() ->
                HTTP.get(node.url("/api/v1/hotlist/CSV003"), ADMIN_KEY).status() == 200);
        assertThat(HTTP.get(node.url("/api/v1/hotlist/CSV001"), ADMIN_KEY).json().path("notes").asText())
                .isEqualTo("blue van, dented");
        assertThat(HTTP.get(node.url("/api/v1/hotlist/CSV002"), ADMIN_KEY).json().path("reason").asText())
                .isEqualTo("wanted \"armed\"");

        String invalid = "plate,reason,priority\nBAD001,stolen,1\nBAD'2,stolen,1\nBAD003,,1\nBAD-001,dup,9\n";
        Http.Reply rejected = HTTP.post(node.url("/api/v1/hotlist/import"), ADMIN_KEY, "text/csv", invalid);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.isProblem()).isTrue();
        assertThat(rejected.json().path("errors").toString()).contains("line 3", "line 4", "line 5");

        assertThat(HTTP.put(node.url("/api/v1/hotlist/MARKER1"), ADMIN_KEY, "application/json",
                "{\"reason\":\"marker\"}").status()).isEqualTo(202);
        await("a later write visible").atMost(Duration.ofSeconds(20)).until(() ->
                HTTP.get(node.url("/api/v1/hotlist/MARKER1"), ADMIN_KEY).status() == 200);
        assertThat(HTTP.get(node.url("/api/v1/hotlist/BAD001"), ADMIN_KEY).status()).isEqualTo(404);
    }

    @Test
    void shouldRegisterACameraAndRejectOneWithAnInvalidField() {
        Http.Reply bad = HTTP.post(node.url("/api/v1/cameras"), ADMIN_KEY, "application/json",
                "{\"camera_id\":\"cam-z\",\"name\":\"Z\",\"latitude\":123}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asText()).isEqualTo("latitude");

        Http.Reply ok = HTTP.post(node.url("/api/v1/cameras"), ADMIN_KEY, "application/json",
                "{\"camera_id\":\"cam-c\",\"name\":\"East\",\"site\":\"depot\",\"latitude\":52.5,\"longitude\":13.4}");
        assertThat(ok.status()).isEqualTo(202);
        await("camera listed").atMost(Duration.ofSeconds(20)).until(() ->
                HTTP.get(node.url("/api/v1/cameras?after=cam-b"), VIEWER_KEY).json().path("cameras").toString()
                        .contains("\"cam-c\""));
        JsonNode page = HTTP.get(node.url("/api/v1/cameras?limit=1"), VIEWER_KEY).json();
        assertThat(page.path("cameras").size()).isEqualTo(1);
        assertThat(page.path("next").asText()).isEqualTo("cam-a");
    }

    @Test
    void shouldDescribeTheTopologyAsTextAndAsAMermaidFlowchart() {
        Http.Reply text = HTTP.get(node.url("/api/v1/topology"), VIEWER_KEY);
        Http.Reply mermaid = HTTP.get(node.url("/api/v1/topology?format=mermaid"), VIEWER_KEY);

        assertThat(text.body()).contains("Sub-topology", "plate-latest");
        assertThat(mermaid.body()).startsWith("flowchart LR").contains("plate-latest");
        assertThat(HTTP.get(node.url("/api/v1/topology?format=svg"), VIEWER_KEY).status()).isEqualTo(400);
    }

    @Test
    void shouldListTheInstancesWithTheirPartitions() {
        JsonNode instances = HTTP.get(node.url("/api/v1/instances"), VIEWER_KEY).json().path("instances");

        assertThat(instances.size()).isEqualTo(1);
        assertThat(instances.get(0).path("self").asBoolean()).isTrue();
        assertThat(instances.get(0).path("active").toString()).contains("alpr.plates.enriched-2");
    }

    @Test
    void shouldServeHealthReadinessAndPrometheusMetricsWithoutAKey() {
        assertThat(HTTP.get(node.url("/health"), null).json().path("streams").asText()).isEqualTo("RUNNING");
        assertThat(HTTP.get(node.url("/ready"), null).status()).isEqualTo(200);
        Http.Reply metrics = HTTP.get(node.url("/metrics"), null);

        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "kafka_stream_", "alpr_api_requests_seconds_count",
                "alpr_api_live_reads_total");
    }

    @Test
    void shouldDocumentEveryRegisteredRouteInTheOpenApiDocument() {
        JsonNode doc = HTTP.get(node.url("/openapi.json"), null).json();
        List<String> documented = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method ->
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(node.api.registeredRoutes()).isNotEmpty();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(node.api.registeredRoutes());
        assertThat(doc.path("paths").path("/api/v1/plates/{plate}/latest").path("get").path("x-alpr-role").asText())
                .isEqualTo("investigator");
    }

    @Test
    void shouldServeADocsPageThatRendersTheDocumentWithoutLoadingAnythingFromElsewhere() {
        Http.Reply docs = HTTP.get(node.url("/docs"), null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.header("Content-Type")).startsWith("text/html");
        assertThat(docs.body()).contains("fetch('openapi.json')").doesNotContain("src=\"http", "href=\"http",
                "<script src", "@import");
    }

    @Test
    void shouldAnswerHostileInputWithAProblemDocumentAndNever500() {
        List<String> paths = List.of(
                "/api/v1/plates/%27%20OR%201%3D1--/latest?" + PURPOSE,
                "/api/v1/plates/AB1%3B%20DROP%20TABLE%20x/latest?" + PURPOSE,
                "/api/v1/plates/..%2F..%2Fetc%2Fpasswd/latest?" + PURPOSE,
                "/api/v1/plates/%2e%2e/latest?" + PURPOSE,
                "/api/v1/plates/AB%00CD/latest?" + PURPOSE,
                "/api/v1/plates/%C0%AE%C0%AE/latest?" + PURPOSE,
                "/api/v1/plates/" + "A".repeat(5000) + "/latest?" + PURPOSE,
                "/api/v1/plates/ABCDEFGHIJK/latest?" + PURPOSE,
                "/api/v1/plates/AB*12/passes?" + PURPOSE,
                "/api/v1/plates/AB123CD/latest?purpose=" + "x".repeat(300),
                "/api/v1/plates/AB123CD/latest?purpose=case%0D%0AX-Injected:%201",
                "/api/v1/plates/AB123CD/passes?from=yesterday&" + PURPOSE,
                "/api/v1/plates/AB123CD/passes?from=%2B1000000000-01-01T00:00:00Z&" + PURPOSE,
                "/api/v1/plates/AB123CD/passes?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z&" + PURPOSE,
                "/api/v1/plates/AB123CD/passes?from=2001-01-01T00:00:00Z&" + PURPOSE,
                "/api/v1/plates/AB123CD/passes?limit=-1&" + PURPOSE,
                "/api/v1/plates/AB123CD/passes?limit=99999999999999999999&" + PURPOSE,
                "/api/v1/plates/AB123CD/passes?limit=1e3&" + PURPOSE,
                "/api/v1/cameras/..%2F..%2Fsecrets/counts",
                "/api/v1/cameras/cam%20a/counts",
                "/api/v1/counts?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
                "/api/v1/cameras?after=%27%3B--",
                "/api/v1/cameras?limit=100000",
                "/api/v1/topology?format=%3Cscript%3E",
                "/internal/v1/live/plate-latest?key=AB123CD&partitions=0&" + PURPOSE,
                "/api/v1/../../etc/passwd",
                "/docs/../../../etc/passwd",
                "/api/v1/plates//latest",
                "/nothing/here",
                "/api/v1/plates/AB123CD/latest?" + PURPOSE + "&x=" + "y".repeat(20_000));
        for (String path : paths) {
            Http.Reply reply = HTTP.get(node.url(path), ADMIN_KEY);
            assertThat(reply.status()).as(path).isBetween(400, 499);
            assertThat(reply.isProblem()).as(path + " -> " + reply.status() + " " + reply.raw().headers().map() + " " + reply.body()).isTrue();
            assertThat(reply.body()).as(path).doesNotContain("Exception", "at io.", "at org.");
        }
        Http.Reply hugeHeader = HTTP.send(Http.request(node.url("/health"), ADMIN_KEY)
                .header("X-Filler", "z".repeat(64 * 1024)).GET());
        assertThat(hugeHeader.status()).isBetween(400, 499);
    }

    @Test
    void shouldAnswerHostileBodiesWithAProblemNamingTheFieldAndNever500() {
        Map<String, Integer> bodies = Map.of(
                "{\"reason\": {\"$ne\": 1}}", 400,
                "{\"reason\": \"x\", \"priority\": 99}", 400,
                "{\"reason\": \"x\", \"admin\": true}", 400,
                "{\"reason\": \"x\", \"expires_at\": \"soon\"}", 400,
                "{\"reason\": ", 400,
                "[]", 400,
                "null", 400,
                "{\"reason\": \"" + "r".repeat(100_000) + "\"}", 413);
        bodies.forEach((body, status) -> {
            Http.Reply reply = HTTP.put(node.url("/api/v1/hotlist/HOSTILE1"), ADMIN_KEY, "application/json", body);
            assertThat(reply.status()).as(body.substring(0, Math.min(40, body.length()))).isEqualTo(status);
            assertThat(reply.isProblem()).isTrue();
        });
        assertThat(HTTP.put(node.url("/api/v1/hotlist/HOSTILE1"), ADMIN_KEY, "application/json",
                "{\"reason\": \"x\", \"priority\": \"high\"}").json().path("field").asText()).isEqualTo("priority");
        assertThat(HTTP.put(node.url("/api/v1/hotlist/HOSTILE1"), ADMIN_KEY, "text/xml", "<x/>").status())
                .isEqualTo(415);
        Http.Reply patch = HTTP.send(Http.request(node.url("/api/v1/hotlist/HOSTILE1"), ADMIN_KEY)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.isProblem()).isTrue();
        assertThat(HTTP.get(node.url("/api/v1/hotlist/HOSTILE1"), ADMIN_KEY).status()).isEqualTo(404);
    }

    @Test
    void shouldServeThePeerRouteOnlyToSignedRequestsAndOnlyFromLocalPartitions() {
        String path = "/internal/v1/live/plate-latest";
        String query = "key=AB123CD&partitions=0,1,2&" + PURPOSE;
        Http.Reply signed = peerRequest(path, query, INVESTIGATOR_KEY, true);
        Http.Reply unsigned = peerRequest(path, query, INVESTIGATOR_KEY, false);
        Http.Reply viewer = peerRequest(path, query, VIEWER_KEY, true);
        Http.Reply tampered = HTTP.send(Http.request(node.url(path + "?" + query.replace("AB123CD", "XY999")),
                INVESTIGATOR_KEY).header("X-Alpr-Hop", "10.0.0.9:8000").header("X-Request-Id", "peer-test-0001")
                .header(PeerSignature.HEADER, signature(path, query, INVESTIGATOR_KEY)).GET());

        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.json().path("rows").size()).isEqualTo(1);
        assertThat(signed.json().path("partitions").toString()).isEqualTo("[0,1,2]");
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.isProblem()).isTrue();
        assertThat(tampered.status()).as("a signature covers the query it was made for").isEqualTo(403);
        assertThat(viewer.status()).isEqualTo(403);
    }

    private static Http.Reply peerRequest(String path, String query, String key, boolean signed) {
        HttpRequest.Builder request = Http.request(node.url(path + "?" + query), key)
                .header("X-Alpr-Hop", "10.0.0.9:8000").header("X-Request-Id", "peer-test-0001");
        if (signed) {
            request.header(PeerSignature.HEADER, signature(path, query, key));
        }
        return HTTP.send(request.GET());
    }

    private static String signature(String path, String query, String key) {
        return PeerSignature.of(Optional.empty(), ApiNode.KEYS, Clock.systemUTC()).sign(new PeerSignature.Signed(
                path, query, "peer-test-0001", "10.0.0.9:8000", null, key));
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileTheStreamsApplicationIsNotRunning() throws Exception {
        Topology topology = AlprTopology.build(TopologyConfig.defaults(), cluster.topics, new PipelineCounters());
        HostInfo host = new HostInfo("127.0.0.1", ApiNode.freePort());
        try (KafkaStreams notStarted = new KafkaStreams(topology, StreamsSettings.defaults(cluster.bootstrap,
                Files.createTempDirectory("alpr-api-idle-")).withApplicationId("alpr-api-idle")
                .withApplicationServer("127.0.0.1:" + host.port()).toProperties());
             AdminWriter writer = new AdminWriter(cluster.bootstrap, cluster.topics);
             QueryApi idle = new QueryApi(ApiConfig.of("127.0.0.1", host, ApiNode.KEYS), new QueryApi.Dependencies(
                     notStarted, topology.describe(), writer, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                     new LogAuditLog(Json.mapper()), List.of())).start()) {
            String base = "http://127.0.0.1:" + idle.port();
            for (String path : List.of("/api/v1/plates/AB123CD/latest?" + PURPOSE, "/api/v1/counts",
                    "/api/v1/cameras", "/ready")) {
                Http.Reply reply = HTTP.get(base + path, INVESTIGATOR_KEY);
                assertThat(reply.status()).as(path).isEqualTo(503);
                assertThat(reply.header("Retry-After")).as(path).isEqualTo("2");
                assertThat(reply.isProblem()).isTrue();
            }
        }
    }

    private static void registerCamera(String id, String name) {
        Http.Reply reply = HTTP.post(node.url("/api/v1/cameras"), ADMIN_KEY, "application/json",
                "{\"camera_id\":\"" + id + "\",\"name\":\"" + name + "\",\"site\":\"depot\"}");
        assertThat(reply.status()).isEqualTo(202);
    }

    private static List<Instant> times(JsonNode passes) {
        List<Instant> times = new ArrayList<>();
        passes.forEach(p -> times.add(Instant.parse(p.path("captured_at").asText())));
        return times;
    }

    @Test
    void shouldStreamTheRecentAndThenEveryNewReadAndAlertOnTheLiveFeed() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url("/api/v1/feed?" + PURPOSE)))
                .header("X-API-Key", INVESTIGATOR_KEY).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            await("the recent alert and reads").atMost(Duration.ofSeconds(20)).until(() ->
                    lines.contains("event: alert") && lines.stream().anyMatch(l -> l.startsWith("data:")
                            && l.contains("\"matched_plate\":\"STOLEN1\"")) && lines.contains("event: read"));

            cluster.produce(List.of(Cluster.read("cam-a", "FEED 42", Instant.now())));

            await("a new read, live").atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l ->
                    l.startsWith("data:") && l.contains("\"normalized\":\"FEED42\"")
                            && l.contains("\"camera_name\":\"North gate\"")));
        } finally {
            response.body().close();
        }
        assertThat(HTTP.get(node.url("/api/v1/feed"), INVESTIGATOR_KEY).json().path("field").asText())
                .isEqualTo("purpose");
        assertThat(HTTP.get(node.url("/api/v1/feed?" + PURPOSE), VIEWER_KEY).status()).isEqualTo(403);
    }

    @Test
    void shouldListTheNewestDeadLettersWithTheirReasonToAdminsOnly() throws Exception {
        cluster.produce(List.of(Cluster.read("cam-a", "", Instant.now())));

        await("the rejected read in the dead-letter view").atMost(Duration.ofSeconds(30)).until(() ->
                StreamSupport.stream(HTTP.get(node.url("/api/v1/dlq?limit=20"), ADMIN_KEY).json().path("records")
                        .spliterator(), false).anyMatch(r -> r.path("reason").asText().equals("EMPTY_TEXT")
                        && r.path("source_topic").asText().equals("alpr.detections.raw")
                        && r.path("value_bytes").asInt() > 0));
        assertThat(HTTP.get(node.url("/api/v1/dlq"), INVESTIGATOR_KEY).status()).isEqualTo(403);
        assertThat(HTTP.get(node.url("/api/v1/dlq?limit=0"), ADMIN_KEY).json().path("field").asText())
                .isEqualTo("limit");
    }

    @Test
    void shouldServeTheConsoleAndNothingElseFromItsAssetRoute() {
        Http.Reply page = HTTP.get(node.url("/console"), null);
        Http.Reply script = HTTP.get(node.url("/console/app.js"), null);
        Http.Reply root = HTTP.get(node.url("/"), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.raw().body()).contains("<script src=\"/console/app.js\"></script>").doesNotContain("http://",
                "https://");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.raw().body()).contains("X-API-Key").doesNotContain("innerHTML");
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location")).isEqualTo("/console");
        for (String path : List.of("/console/index.html", "/console/..%2Fdocs.html", "/console/QueryApi.class",
                "/console/app.js%00.css")) {
            Http.Reply reply = HTTP.get(node.url(path), null);
            assertThat(reply.status()).as(path).isIn(400, 404);
            assertThat(reply.isProblem()).as(path).isTrue();
        }
    }
}
