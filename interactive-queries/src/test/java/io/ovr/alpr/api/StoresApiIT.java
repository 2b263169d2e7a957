package io.ovr.alpr.api;

import static io.ovr.alpr.api.ApiNode.ADMIN_KEY;
import static io.ovr.alpr.api.ApiNode.INVESTIGATOR_KEY;
import static io.ovr.alpr.api.ApiNode.VIEWER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ovr.alpr.api.audit.SqlAuditLog;
import io.ovr.alpr.api.backend.Backends;
import io.ovr.alpr.api.backend.SqlStore;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.devstack.OpenSearchExtension;
import io.ovr.alpr.devstack.PostgresExtension;
import io.ovr.alpr.devstack.S3ServerExtension;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.sinks.objectstore.ObjectStore;
import io.ovr.alpr.sinks.objectstore.ObjectStoreConfig;
import io.ovr.alpr.sinks.search.OpenSearchConfig;
import io.ovr.alpr.sinks.search.SearchClient;
import io.ovr.alpr.sinks.sql.Database;
import io.ovr.alpr.sinks.sql.DatabaseConfig;
import io.ovr.alpr.sinks.sql.Migrations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The history, search, image and audit routes of one streams instance against real stores, shared
 * by the class: the machine's PostgreSQL (a database of its own, migrated by Flyway) with rows
 * written by the real timescale sink writer, the embedded OpenSearch node with documents indexed by
 * the real OpenSearch sink writer, and the embedded S3 server; the live state comes from the real
 * topology on the embedded broker. Every plate lookup and search is audited in {@code query_audit}.
 */
@Tag("integration")
class StoresApiIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.machineOrEmbedded();
    @RegisterExtension
    static final OpenSearchExtension SEARCH = new OpenSearchExtension();
    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
    private static final String PURPOSE = "purpose=case%2099";
    private static final String RANGE = "from=" + T.minus(Duration.ofDays(1)) + "&to=" + T.plusSeconds(60);
    private static final Http HTTP = new Http();
    private static final byte[] FRAME = "frame-jpeg-bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CROP = "crop-jpeg-bytes".getBytes(StandardCharsets.UTF_8);

    private static Cluster cluster;
    private static Database database;
    private static SearchClient search;
    private static ObjectStore objects;
    private static StoreFixtures fixtures;
    private static ApiNode node;
    private static final List<PlateEvent> AB = new ArrayList<>();
    private static final List<PlateEvent> XY = new ArrayList<>();
    private static PlateEvent fuzzy;
    private static PlateEvent old;
    private static final List<Alert> ALERTS = new ArrayList<>();

    @BeforeAll
    static void startAndLoad() throws Exception {
        cluster = new Cluster(KAFKA.bootstrapServers(), 2);
        database = Database.connect(DatabaseConfig.of(POSTGRES.jdbcUrl()).withRetention(Duration.ZERO), "stores-it");
        new Migrations(database.dataSource(), database.config()).migrate();
        search = SearchClient.connect(OpenSearchConfig.of(SEARCH.url()));
        objects = ObjectStore.connect(new ObjectStoreConfig(S3.endpoint(), S3.accessKey(), S3.secretKey(),
                "alpr-images", null, Duration.ZERO));
        objects.ensureBucket();
        node = ApiNode.start(cluster.bootstrap, cluster.topics, Files.createTempDirectory("alpr-stores-it-"), 0,
                new SqlAuditLog(new SqlStore(database.dataSource(), Duration.ofSeconds(10))),
                new Backends(Optional.of(database.dataSource()), Optional.of(search), Optional.of(objects),
                        Optional.of(objects)));
        load();
        await("streams running").atMost(Duration.ofSeconds(60)).until(() ->
                node.runner.state() == KafkaStreams.State.RUNNING);
        cluster.produce(List.of(Cluster.read("cam-live", "LIVE1", Instant.now().minusSeconds(30))));
        await("live plate in the store").atMost(Duration.ofSeconds(60)).until(() ->
                HTTP.get(node.url("/api/v1/plates/LIVE1/latest?" + PURPOSE), INVESTIGATOR_KEY).status() == 200);
    }

    /** 25 passes of AB123CD on cam-a (two at the same instant), 3 of XY999 and one of 8O5Z21 on cam-b, one old. */
    private static void load() {
        for (int i = 0; i < 24; i++) {
            AB.add(StoreFixtures.event("AB123CD", "cam-a", "north", "BR", T.minus(Duration.ofMinutes(5L * i)),
                    0.5f + (i % 5) * 0.1f));
        }
        AB.add(StoreFixtures.event("AB123CD", "cam-a", "north", "BR", T.minus(Duration.ofMinutes(50)), 0.97f));
        AB.set(0, PlateEvent.newBuilder(AB.get(0)).setFrameKey("frames/cam-a/0.jpg").setCropKey("crops/cam-a/0.jpg")
                .build());
        AB.set(1, PlateEvent.newBuilder(AB.get(1)).setFrameKey("frames/cam-a/never-stored.jpg").build());
        for (int i = 0; i < 3; i++) {
            XY.add(StoreFixtures.event("XY999", "cam-b", "south", "DE", T.minus(Duration.ofMinutes(60L + i)), 0.9f));
        }
        fuzzy = StoreFixtures.event("8O5Z21", "cam-b", "south", "DE", T.minus(Duration.ofMinutes(30)), 0.8f);
        old = StoreFixtures.event("AB123CD", "cam-a", "north", "BR", T.minus(Duration.ofDays(20)), 0.9f);
        ALERTS.add(StoreFixtures.alert(XY.get(0), XY.get(0).getCapturedAt().plusSeconds(1)));
        ALERTS.add(StoreFixtures.alert(XY.get(1), XY.get(1).getCapturedAt().plusSeconds(1)));
        List<PlateEvent> all = new ArrayList<>(AB);
        all.addAll(XY);
        all.add(fuzzy);
        all.add(old);
        fixtures = new StoreFixtures(cluster.topics, database, search, SEARCH.url());
        fixtures.write(all, ALERTS);
        objects.put("frames/cam-a/0.jpg", FRAME, "image/jpeg", Map.of());
        objects.put("crops/cam-a/0.jpg", CROP, "image/jpeg", Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (fixtures != null) {
            fixtures.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (search != null) {
            search.close();
        }
        if (objects != null) {
            objects.close();
        }
        if (database != null) {
            database.close();
        }
    }

    // ---- history ----

    @Test
    void shouldPageThroughThePassesOfAPlateNewestFirstGivingEachExactlyOnce() {
        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = HTTP.get(node.url("/api/v1/events?plate=ab-123-cd&limit=10&" + RANGE + "&" + PURPOSE
                    + (cursor == null ? "" : "&cursor=" + cursor)), INVESTIGATOR_KEY).json();
            page.path("events").forEach(seen::add);
            cursor = page.path("next").isNull() ? null : page.path("next").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(e -> e.path("event_id").asText()).doesNotHaveDuplicates()
                .containsExactlyElementsOf(AB.stream().sorted(Comparator.comparing(PlateEvent::getCapturedAt)
                        .reversed().thenComparing(PlateEvent::getEventId)).map(PlateEvent::getEventId).toList());
        assertThat(seen.get(0).path("camera_name").asText()).isEqualTo("Camera cam-a");
        assertThat(seen.get(0).path("candidates").get(0).path("text").asText()).isEqualTo("AB123CD");
        assertThat(seen.get(0).has("frame_key")).as("object keys stay inside").isFalse();
    }

    @Test
    void shouldListEventsOfACameraAndOfASiteAndKeepToTheDefaultRangeUnlessToldOtherwise() {
        JsonNode camera = HTTP.get(node.url("/api/v1/events?camera=cam-b&" + PURPOSE), INVESTIGATOR_KEY).json();
        JsonNode site = HTTP.get(node.url("/api/v1/events?site=south&" + PURPOSE), INVESTIGATOR_KEY).json();
        JsonNode lastWeek = HTTP.get(node.url("/api/v1/events?plate=AB123CD&limit=500&" + PURPOSE), INVESTIGATOR_KEY)
                .json();
        JsonNode lastMonth = HTTP.get(node.url("/api/v1/events?plate=AB123CD&limit=500&from="
                + T.minus(Duration.ofDays(30)) + "&" + PURPOSE), INVESTIGATOR_KEY).json();

        assertThat(camera.path("count").asInt()).isEqualTo(4);
        assertThat(camera.path("by").asText()).isEqualTo("camera");
        assertThat(site.path("events")).extracting(e -> e.path("normalized").asText())
                .containsExactly("8O5Z21", "XY999", "XY999", "XY999");
        assertThat(lastWeek.path("count").asInt()).isEqualTo(25);
        assertThat(lastMonth.path("count").asInt()).isEqualTo(26);
        assertThat(lastMonth.path("next").isNull()).isTrue();
    }

    @Test
    void shouldShowOneEventByIdAndAnswer404ForAnUnknownOne() {
        PlateEvent event = XY.get(2);
        JsonNode found = HTTP.get(node.url("/api/v1/events/" + event.getEventId() + "?" + PURPOSE), INVESTIGATOR_KEY)
                .json();
        Http.Reply missing = HTTP.get(node.url("/api/v1/events/0b6f9c1e-7d1a-4c1e-9d7e-2a4b5c6d7e8f?" + PURPOSE),
                INVESTIGATOR_KEY);

        assertThat(found.path("normalized").asText()).isEqualTo("XY999");
        assertThat(Instant.parse(found.path("captured_at").asText())).isEqualTo(event.getCapturedAt());
        assertThat(found.path("region").asText()).isEqualTo("DE");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();
    }

    @Test
    void shouldServeHourlyReadsPerCameraAsTheSinkComputedThem() {
        Map<String, Long> expected = new TreeMap<>();
        List<PlateEvent> recent = new ArrayList<>(AB);
        recent.addAll(XY);
        recent.add(fuzzy);
        recent.forEach(e -> expected.merge(e.getCapturedAt().truncatedTo(ChronoUnit.HOURS) + " " + e.getCameraId(),
                1L, Long::sum));
        Map<String, Long> served = new TreeMap<>();
        String cursor = null;
        do {
            JsonNode page = HTTP.get(node.url("/api/v1/stats/hourly?limit=2&" + RANGE + (cursor == null ? ""
                    : "&cursor=" + cursor)), VIEWER_KEY).json();
            page.path("buckets").forEach(b -> served.put(Instant.parse(b.path("bucket").asText()) + " "
                    + b.path("camera_id").asText(), b.path("reads").asLong()));
            cursor = page.path("next").isNull() ? null : page.path("next").asText();
        } while (cursor != null);
        JsonNode camB = HTTP.get(node.url("/api/v1/stats/hourly?camera=cam-b&" + RANGE), VIEWER_KEY).json();

        assertThat(served).isEqualTo(expected);
        assertThat(camB.path("buckets")).allSatisfy(b -> assertThat(b.path("site").asText()).isEqualTo("south"));
        assertThat(camB.path("buckets").get(0).path("unique_plates").asLong()).isPositive();
    }

    @Test
    void shouldListTheAlertsOfAPlateNewestFirst() {
        JsonNode alerts = HTTP.get(node.url("/api/v1/alerts?plate=XY999&" + RANGE + "&" + PURPOSE), INVESTIGATOR_KEY)
                .json();
        JsonNode none = HTTP.get(node.url("/api/v1/alerts?plate=AB123CD&" + RANGE + "&" + PURPOSE), INVESTIGATOR_KEY)
                .json();
        JsonNode paged = HTTP.get(node.url("/api/v1/alerts?camera=cam-b&limit=1&" + RANGE + "&" + PURPOSE),
                INVESTIGATOR_KEY).json();

        assertThat(alerts.path("alerts")).extracting(a -> a.path("alert_id").asText())
                .containsExactly(ALERTS.get(0).getAlertId(), ALERTS.get(1).getAlertId());
        assertThat(alerts.path("alerts").get(0).path("reason").asText()).isEqualTo("stolen");
        assertThat(none.path("count").asInt()).isZero();
        assertThat(paged.path("count").asInt()).isEqualTo(1);
        assertThat(HTTP.get(node.url("/api/v1/alerts?camera=cam-b&limit=1&" + RANGE + "&" + PURPOSE + "&cursor="
                + paged.path("next").asText()), INVESTIGATOR_KEY).json().path("alerts").get(0).path("alert_id")
                .asText()).isEqualTo(ALERTS.get(1).getAlertId());
    }

    // ---- search ----

    @Test
    void shouldFindAPlateExactlyByPrefixByWildcardAndByFragment() {
        assertThat(plates(search("q=ab-123-cd"))).containsOnly("AB123CD").hasSize(25);
        assertThat(plates(search("mode=prefix&q=AB12"))).containsOnly("AB123CD").hasSize(25);
        assertThat(plates(search("mode=wildcard&q=A%3F*CD&limit=500"))).containsOnly("AB123CD").hasSize(25);
        assertThat(plates(search("mode=wildcard&q=X%3F999"))).containsOnly("XY999").hasSize(3);
        assertThat(plates(search("mode=contains&q=123C"))).containsOnly("AB123CD");
        assertThat(plates(search("mode=contains&q=Y99"))).containsOnly("XY999");
        assertThat(search("q=AB123C").path("total").asLong()).isZero();
    }

    @Test
    void shouldFindAMisreadPlateByItsFoldedFormWithinTheEditDistance() {
        assertThat(plates(search("mode=fuzzy&distance=0&q=BQSZ21"))).containsExactly("8O5Z21");
        assertThat(plates(search("mode=fuzzy&distance=1&q=BQSZ2"))).containsExactly("8O5Z21");
        assertThat(plates(search("mode=fuzzy&distance=2&q=BQSZ214789"))).isEmpty();
        assertThat(plates(search("q=BQSZ21"))).as("exact does not fold").isEmpty();
    }

    @Test
    void shouldFilterByCameraSiteRegionTimeAndConfidence() {
        long confident = AB.stream().filter(e -> e.getConfidence() >= 0.85f).count();
        Instant from = T.minus(Duration.ofMinutes(12));

        assertThat(search("mode=contains&q=99&camera=cam-b&region=DE").path("total").asLong()).isEqualTo(3);
        assertThat(search("mode=contains&q=99&camera=cam-a").path("total").asLong()).isZero();
        assertThat(search("q=XY999&site=south").path("total").asLong()).isEqualTo(3);
        assertThat(search("q=AB123CD&min_confidence=0.85").path("total").asLong()).isEqualTo(confident);
        assertThat(search("q=AB123CD&from=" + from + "&to=" + T.plusSeconds(1)).path("total").asLong()).isEqualTo(3);
        assertThat(search("q=AB123CD&from=" + T.minus(Duration.ofDays(30)) + "&to=" + T.plusSeconds(1))
                .path("total").asLong()).isEqualTo(26);
    }

    @Test
    void shouldPageSearchResultsWithCursorsAndCountFacetsOnTheFirstPage() {
        List<String> ids = new ArrayList<>();
        JsonNode first = search("q=AB123CD&limit=7");
        JsonNode page = first;
        while (true) {
            page.path("hits").forEach(h -> ids.add(h.path("event_id").asText()));
            if (page.path("next").isNull()) {
                break;
            }
            page = search("q=AB123CD&limit=7&cursor=" + page.path("next").asText());
            assertThat(page.path("facets").isEmpty()).isTrue();
        }

        assertThat(ids).containsExactlyElementsOf(AB.stream().sorted(Comparator.comparing(PlateEvent::getCapturedAt)
                .reversed().thenComparing(PlateEvent::getEventId)).map(PlateEvent::getEventId).toList());
        assertThat(first.path("total").asLong()).isEqualTo(25);
        assertThat(first.path("total_relation").asText()).isEqualTo("eq");
        assertThat(first.path("facets").path("cameras").get(0).path("value").asText()).isEqualTo("cam-a");
        assertThat(first.path("facets").path("cameras").get(0).path("count").asLong()).isEqualTo(25);
        assertThat(first.path("facets").path("regions").get(0).path("value").asText()).isEqualTo("BR");
        assertThat(first.path("hits").get(0).has("crop_key")).isFalse();
    }

    // ---- images ----

    @Test
    void shouldRedirectToAPresignedUrlThatServesTheStoredFrameAndCrop() throws Exception {
        String base = "/api/v1/events/" + AB.get(0).getEventId() + "/image?" + PURPOSE;
        Http.Reply frame = HTTP.get(node.url(base), INVESTIGATOR_KEY);
        Http.Reply crop = HTTP.get(node.url(base + "&kind=plate"), INVESTIGATOR_KEY);

        assertThat(frame.status()).isEqualTo(302);
        assertThat(frame.header("Cache-Control")).isEqualTo("no-store");
        assertThat(frame.header("Location")).startsWith(S3.endpoint() + "/alpr-images/frames/cam-a/0.jpg?")
                .contains("X-Amz-Signature=");
        assertThat(fetch(frame.header("Location"))).isEqualTo(FRAME);
        assertThat(crop.status()).isEqualTo(302);
        assertThat(fetch(crop.header("Location"))).isEqualTo(CROP);
    }

    @Test
    void shouldAnswer404WhenTheEventOrItsImageIsMissing() {
        String notStored = "/api/v1/events/" + AB.get(1).getEventId() + "/image?" + PURPOSE;
        Map<String, Integer> cases = Map.of(
                notStored, 404,
                notStored + "&kind=plate", 404,
                "/api/v1/events/" + AB.get(2).getEventId() + "/image?" + PURPOSE, 404,
                "/api/v1/events/0b6f9c1e-7d1a-4c1e-9d7e-2a4b5c6d7e8f/image?" + PURPOSE, 404);
        cases.forEach((path, status) -> {
            Http.Reply reply = HTTP.get(node.url(path), INVESTIGATOR_KEY);
            assertThat(reply.status()).as(path).isEqualTo(status);
            assertThat(reply.isProblem()).as(path).isTrue();
        });
    }

    // ---- audit ----

    @Test
    void shouldKeepAuditingAfterHostileRequestsAndStoreAnInjectionInThePurposeVerbatim() {
        for (String path : List.of("/api/v1/plates/%27%20OR%201%3D1--/latest?purpose=hostile%20audit",
                "/api/v1/events?plate=..%2F..%2Fetc%2Fpasswd&purpose=hostile%20audit&" + RANGE,
                "/api/v1/search?q=" + "A".repeat(5_000) + "&purpose=hostile%20audit",
                "/api/v1/plates/LIVE1/latest?purpose=" + "p".repeat(500))) {
            assertThat(HTTP.get(node.url(path), INVESTIGATOR_KEY).status()).as(path).isBetween(400, 499);
        }
        String injection = "audit'); DROP TABLE query_audit; --";

        Http.Reply reply = HTTP.get(node.url("/api/v1/plates/LIVE1/latest?purpose="
                + java.net.URLEncoder.encode(injection, StandardCharsets.UTF_8)), INVESTIGATOR_KEY);

        assertThat(reply.status()).isEqualTo(200);
        List<Map<String, Object>> rows = database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM query_audit"
                + " WHERE purpose = :purpose").bind("purpose", injection).mapToMap().list());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("action", "plate.latest").containsEntry("plate", "LIVE1")
                .containsEntry("principal", "detective");
    }

    @Test
    void shouldWriteOneAuditRowPerLookupAndSearchWithWhoWhatWhyAndHowMany() {
        Map<String, String> requests = new TreeMap<>(Map.of(
                "live", "/api/v1/plates/LIVE1/latest",
                "history", "/api/v1/events?plate=XY999&" + RANGE,
                "event", "/api/v1/events/" + XY.get(0).getEventId(),
                "alerts", "/api/v1/alerts?plate=XY999&" + RANGE,
                "search", "/api/v1/search?mode=fuzzy&q=BQSZ21&distance=0",
                "image", "/api/v1/events/" + AB.get(0).getEventId() + "/image"));
        Map<String, String> requestIds = new TreeMap<>();
        requests.forEach((name, path) -> {
            Http.Reply reply = HTTP.get(node.url(path + (path.contains("?") ? "&" : "?") + "purpose=audit%20" + name),
                    INVESTIGATOR_KEY);
            assertThat(reply.status()).as(path).isBetween(200, 302);
            requestIds.put(name, reply.header("X-Request-Id"));
        });

        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (String name : requests.keySet()) {
            List<Map<String, Object>> found = database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM"
                    + " query_audit WHERE purpose = :purpose").bind("purpose", "audit " + name).mapToMap().list());
            assertThat(found).as(name).hasSize(1);
            rows.put(name, found.get(0));
        }
        assertThat(rows).allSatisfy((name, row) -> {
            assertThat(row.get("principal")).isEqualTo("detective");
            assertThat(row.get("role")).isEqualTo("investigator");
            assertThat(row.get("client")).isEqualTo("127.0.0.1");
            assertThat(row.get("instance")).isEqualTo(node.name());
        });
        assertThat(rows.get("live")).containsEntry("action", "plate.latest").containsEntry("plate", "LIVE1")
                .containsEntry("results", 1);
        assertThat(rows.get("history")).containsEntry("action", "history.plate").containsEntry("plate", "XY999")
                .containsEntry("results", 3);
        assertThat(rows.get("event")).containsEntry("action", "event.get").containsEntry("plate", "XY999")
                .containsEntry("results", 1);
        assertThat(rows.get("alerts")).containsEntry("action", "alerts.history").containsEntry("results", 2);
        assertThat(rows.get("search")).containsEntry("action", "search.fuzzy").containsEntry("results", 1);
        assertThat((String) rows.get("search").get("query")).contains("q=BQSZ21", "value=805221");
        assertThat(rows.get("image")).containsEntry("action", "image.frame").containsEntry("plate", "AB123CD")
                .containsEntry("results", 1);
    }

    @Test
    void shouldLetAdminsReadTheAuditLogFilteredAndPaged() {
        for (int i = 0; i < 3; i++) {
            HTTP.get(node.url("/api/v1/search?q=XY999&purpose=admin%20read%20" + i), INVESTIGATOR_KEY);
        }
        String filter = "/api/v1/admin/audit?principal=detective&plate=XY999&from=" + T + "&limit=2";
        JsonNode first = HTTP.get(node.url(filter), ADMIN_KEY).json();
        JsonNode second = HTTP.get(node.url(filter + "&cursor=" + first.path("next").asText()), ADMIN_KEY).json();
        Set<Long> ids = new HashSet<>();
        first.path("entries").forEach(e -> ids.add(e.path("id").asLong()));
        second.path("entries").forEach(e -> ids.add(e.path("id").asLong()));

        assertThat(first.path("count").asInt()).isEqualTo(2);
        assertThat(first.path("entries").get(0).path("purpose").asText()).isEqualTo("admin read 2");
        assertThat(first.path("entries")).allSatisfy(e -> assertThat(e.path("plate").asText()).isEqualTo("XY999"));
        assertThat(ids).hasSize(first.path("count").asInt() + second.path("count").asInt());
        assertThat(HTTP.get(node.url("/api/v1/admin/audit?principal=nobody"), ADMIN_KEY).json().path("count").asInt())
                .isZero();
        assertThat(HTTP.get(node.url("/api/v1/admin/audit"), INVESTIGATOR_KEY).status()).isEqualTo(403);
    }

    // ---- auth, hostile input, readiness ----

    @Test
    void shouldAnswer401WithoutAKeyAnd403ForARoleBelowEachNewRoute() {
        String event = "/api/v1/events/" + XY.get(0).getEventId();
        Map<String, String> belowRole = Map.of(
                "/api/v1/events?plate=XY999&" + PURPOSE, VIEWER_KEY,
                event + "?" + PURPOSE, VIEWER_KEY,
                event + "/image?" + PURPOSE, VIEWER_KEY,
                "/api/v1/alerts?" + PURPOSE, VIEWER_KEY,
                "/api/v1/search?q=XY999&" + PURPOSE, VIEWER_KEY,
                "/api/v1/admin/audit", INVESTIGATOR_KEY);
        belowRole.forEach((path, key) -> {
            assertThat(HTTP.get(node.url(path), null).status()).as(path).isEqualTo(401);
            assertThat(HTTP.get(node.url(path), "not-a-key-0123456789").status()).as(path).isEqualTo(401);
            Http.Reply forbidden = HTTP.get(node.url(path), key);
            assertThat(forbidden.status()).as(path).isEqualTo(403);
            assertThat(forbidden.isProblem()).isTrue();
        });
        assertThat(HTTP.get(node.url("/api/v1/stats/hourly"), null).status()).isEqualTo(401);
        assertThat(HTTP.get(node.url("/api/v1/stats/hourly"), VIEWER_KEY).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerHostileInputOnEveryNewRouteWithAProblemAndNever500() {
        String event = "/api/v1/events/" + AB.get(0).getEventId();
        String otherKindCursor = HTTP.get(node.url("/api/v1/stats/hourly?limit=1&" + RANGE), VIEWER_KEY).json()
                .path("next").asText();
        List<String> paths = List.of(
                "/api/v1/events?plate=%27%20OR%201%3D1--&" + PURPOSE,
                "/api/v1/events?camera=cam-a%27%3B%20DROP%20TABLE%20plate_events--&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&camera=cam-a&" + PURPOSE,
                "/api/v1/events?" + PURPOSE,
                "/api/v1/events?plate=AB123CD",
                "/api/v1/events?plate=AB123CD&site=" + "s".repeat(201) + "&" + PURPOSE,
                "/api/v1/events?site=north%0D%0Ax&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&cursor=abc&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&cursor=%27--&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&cursor=" + otherKindCursor + "&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&cursor=" + cursor("events|99999999999999999999|x") + "&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&cursor=" + cursor("events|9223372036854775807|0b6f9c1e-7d1a-4c1e-9d7e"
                        + "-2a4b5c6d7e8f") + "&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&cursor=" + cursor("events|1700000000000000|' OR 1=1") + "&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&cursor=" + "A".repeat(300) + "&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&from=yesterday&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&from=2001-01-01T00:00:00Z&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&limit=501&" + PURPOSE,
                "/api/v1/events?plate=AB123CD&limit=0&" + PURPOSE,
                "/api/v1/events/not-a-uuid?" + PURPOSE,
                "/api/v1/events/%27%20OR%201%3D1?" + PURPOSE,
                "/api/v1/events/..%2F..%2Fetc%2Fpasswd?" + PURPOSE,
                "/api/v1/events/0b6f9c1e-7d1a-4c1e-9d7e-2a4b5c6d7e8f%00?" + PURPOSE,
                event + "/image?kind=..%2F..%2Fetc%2Fpasswd&" + PURPOSE,
                event + "/image?kind=FRAME&" + PURPOSE,
                event + "/image?kind=frame%00&" + PURPOSE,
                "/api/v1/events/..%2Fframes%2Fcam-a%2F0.jpg/image?" + PURPOSE,
                "/api/v1/events/frames%2Fcam-a%2F0.jpg/image?" + PURPOSE,
                event + "/image",
                "/api/v1/search?" + PURPOSE,
                "/api/v1/search?q=%7B%22match_all%22%3A%7B%7D%7D&" + PURPOSE,
                "/api/v1/search?q=AB123CD&mode=regexp&" + PURPOSE,
                "/api/v1/search?q=AB%5B0-9%5D*&mode=wildcard&" + PURPOSE,
                "/api/v1/search?q=*&mode=wildcard&" + PURPOSE,
                "/api/v1/search?q=%3F%3F%3F%3F%3FAB&mode=wildcard&" + PURPOSE,
                "/api/v1/search?q=" + "A*".repeat(20) + "&mode=wildcard&" + PURPOSE,
                "/api/v1/search?q=.*%2B.*&mode=wildcard&" + PURPOSE,
                "/api/v1/search?q=AB123CD&mode=fuzzy&distance=3&" + PURPOSE,
                "/api/v1/search?q=AB123CD&distance=1&" + PURPOSE,
                "/api/v1/search?q=A&mode=contains&" + PURPOSE,
                "/api/v1/search?q=AB123CD&min_confidence=2&" + PURPOSE,
                "/api/v1/search?q=AB123CD&min_confidence=NaN&" + PURPOSE,
                "/api/v1/search?q=AB123CD&region=de&" + PURPOSE,
                "/api/v1/search?q=AB123CD&camera=%27%20OR%20%271&" + PURPOSE,
                "/api/v1/search?q=AB123CD&cursor=" + cursor("search|1|2|3") + "&" + PURPOSE,
                "/api/v1/search?q=" + "A".repeat(300) + "&" + PURPOSE,
                "/api/v1/stats/hourly?camera=%27%3B--",
                "/api/v1/stats/hourly?cursor=" + cursor("hourly|x|y|z"),
                "/api/v1/stats/hourly?from=2020-01-01T00:00:00Z",
                "/api/v1/alerts?plate=%27%20OR%201%3D1&" + PURPOSE,
                "/api/v1/alerts?cursor=%00&" + PURPOSE,
                "/api/v1/admin/audit?plate=%27--",
                "/api/v1/admin/audit?principal=%0Aadmin",
                "/api/v1/admin/audit?cursor=" + cursor("audit|1700000000000000|not-a-number"),
                "/api/v1/admin/audit?limit=100000");
        for (String path : paths) {
            Http.Reply reply = HTTP.get(node.url(path), ADMIN_KEY);
            assertThat(reply.status()).as(path + " -> " + reply.body()).isBetween(400, 499);
            assertThat(reply.isProblem()).as(path).isTrue();
            assertThat(reply.body()).as(path).doesNotContain("Exception", "at io.", "at org.", "SQL");
        }
        JsonNode quoted = HTTP.get(node.url("/api/v1/events?site=north%27%20OR%20%271%27%3D%271&" + PURPOSE),
                INVESTIGATOR_KEY).json();
        assertThat(quoted.path("count").asInt()).as("a quote in free text is data, never SQL").isZero();
        assertThat(HTTP.get(node.url("/api/v1/events?plate=AB123CD&" + RANGE + "&" + PURPOSE), INVESTIGATOR_KEY)
                .json().path("count").asInt()).isEqualTo(25);
    }

    @Test
    void shouldReportPostgresAndOpenSearchInReadiness() {
        Http.Reply ready = HTTP.get(node.url("/ready"), null);

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("checks")).extracting(c -> c.path("name").asText())
                .containsExactly("kafka-streams", "postgresql", "opensearch");
    }

    @Test
    void shouldDocumentEveryNewRouteInTheOpenApiDocument() {
        JsonNode paths = HTTP.get(node.url("/openapi.json"), null).json().path("paths");
        Set<String> documented = new HashSet<>();
        paths.properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(
                m.toUpperCase(Locale.ROOT) + " " + p.getKey())));

        assertThat(documented).containsAll(node.api.registeredRoutes()).hasSameSizeAs(node.api.registeredRoutes());
        assertThat(documented).contains("GET /api/v1/events", "GET /api/v1/events/{id}", "GET /api/v1/events/{id}/image",
                "GET /api/v1/alerts", "GET /api/v1/stats/hourly", "GET /api/v1/search", "GET /api/v1/admin/audit");
        assertThat(paths.path("/api/v1/events/{id}/image").path("get").path("responses").has("302")).isTrue();
    }

    /** A search in {@link #RANGE} unless the query names its own range. */
    private static JsonNode search(String query) {
        Http.Reply reply = HTTP.get(node.url("/api/v1/search?" + query + "&" + PURPOSE + (query.contains("from=") ? ""
                : "&" + RANGE)), INVESTIGATOR_KEY);
        assertThat(reply.status()).as(query + " -> " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> plates(JsonNode result) {
        List<String> plates = new ArrayList<>();
        result.path("hits").forEach(h -> plates.add(h.path("normalized").asText()));
        return plates;
    }

    private static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] fetch(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
