package io.ovr.alpr.sinks.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.devstack.OpenSearchExtension;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.DeadLetterHeaders;
import io.ovr.alpr.sinks.SinkFixtures;
import io.ovr.alpr.sinks.core.Rejected;
import io.ovr.alpr.sinks.core.SinkConfig;
import io.ovr.alpr.sinks.core.SinkRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The opensearch sink end to end against a real broker and one embedded search node shared by the class. */
@Tag("integration")
class OpenSearchSinkIT {

    @RegisterExtension
    static final KafkaBrokerExtension BROKER = new KafkaBrokerExtension();
    @RegisterExtension
    static final OpenSearchExtension SEARCH = new OpenSearchExtension();

    private static SinkFixtures fixtures;
    private static SearchProbe probe;
    private final List<SinkRunner> sinks = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void topics() {
        fixtures = new SinkFixtures(BROKER);
        fixtures.createTopics();
        probe = new SearchProbe(SEARCH.url());
    }

    @AfterAll
    static void closeFixtures() {
        fixtures.close();
    }

    @AfterEach
    void closeSinks() {
        sinks.forEach(SinkRunner::close);
        SEARCH.node().start(); // a test may have left it stopped
    }

    private SinkRunner sink(String group) {
        SinkConfig config = OpenSearchSink.config(fixtures.bootstrap(), group).withBatch(200, Duration.ofMillis(100))
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        SinkRunner sink = OpenSearchSink.create(config, OpenSearchConfig.of(SEARCH.url()).withRetentionDays(0),
                fixtures.topics(), registry, Duration.ofMinutes(5));
        sinks.add(sink);
        return sink;
    }

    private boolean caughtUp(String group) {
        return io.ovr.alpr.sinks.sql.SinkProgress.caughtUp(fixtures.bootstrap(), group, AlprTopics.PLATES_ENRICHED);
    }

    @Test
    void shouldHoldEachPassOnceAfterTheSameBatchIsReplayedTwice() {
        List<PlateEvent> batch = SinkFixtures.events(300, Instant.parse("2026-11-20T22:00:00Z"));
        fixtures.sendEvents(batch);
        sink("replay-1-" + UUID.randomUUID()).start();
        await("first load").atMost(Duration.ofSeconds(60)).until(() -> probe.count(batch) == 300);

        fixtures.sendEvents(batch);
        String again = "replay-2-" + UUID.randomUUID();
        sink(again).start();
        await("replayed").atMost(Duration.ofSeconds(60)).until(() -> caughtUp(again));

        assertThat(probe.count(batch)).isEqualTo(300);
        List<String> days = batch.stream().map(e -> EventIndex.indexFor(e.getCapturedAt())).distinct().toList();
        assertThat(days).hasSize(2); // the passes span two UTC days: one daily index each
        assertThat(probe.send("GET", "/_cat/indices/alpr-events-*?h=index&format=json", null).findValuesAsText("index"))
                .containsAll(days);
    }

    @Test
    void shouldReplaceAPassByItsLaterVersionFindItByAFragmentAndSkipAnOlderOne() {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        PlateEvent first = SinkFixtures.event(id, "RST4U56", at, 1, 0.6f);
        PlateEvent better = SinkFixtures.event(id, "RST4U58", at, 4, 0.95f);
        String group = "pass-" + UUID.randomUUID();
        fixtures.sendEvents(List.of(first, better, first));
        sink(group).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(group));

        JsonNode doc = probe.source(id);
        JsonNode partial = probe.search(Map.of("query", Map.of("match", Map.of("normalized.ngram", "t4u5"))));

        assertThat(probe.count(List.of(first))).isOne();
        assertThat(doc.path("plate_text").asText()).isEqualTo("RST4U58");
        assertThat(doc.path("read_count").asInt()).isEqualTo(4);
        assertThat(doc.path("captured_at").asText()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(doc.path("geo_location").path("lat").asDouble()).isEqualTo(-23.5);
        assertThat(partial.path("hits").path("hits").findValuesAsText("_id")).contains(id);
    }

    @Test
    void shouldLoseAndDuplicateNothingWhenKilledBetweenWriteAndCommit() {
        List<PlateEvent> batch = SinkFixtures.events(400, Instant.parse("2026-11-22T10:00:00Z"));
        fixtures.sendEvents(batch);
        String group = "crash-" + UUID.randomUUID();
        SinkRunner doomed = sink(group);
        AtomicBoolean crashed = new AtomicBoolean();
        doomed.afterWrite(() -> {
            if (!crashed.get() && probe.count(batch) >= 150) {
                crashed.set(true);
                doomed.abort();
            }
        });
        doomed.start();
        await("crash").atMost(Duration.ofSeconds(60)).until(crashed::get);
        doomed.awaitStop();
        long beforeRestart = probe.count(batch);

        sink(group).start();
        await("caught up").atMost(Duration.ofSeconds(60)).until(() -> caughtUp(group));

        assertThat(beforeRestart).isBetween(150L, 399L);
        assertThat(probe.count(batch)).isEqualTo(400);
    }

    @Test
    void shouldPauseWhileTheNodeIsDownAndCatchUpWithoutLossOrDuplicates() {
        List<PlateEvent> before = SinkFixtures.events(100, Instant.parse("2026-11-23T10:00:00Z"));
        List<PlateEvent> during = SinkFixtures.events(150, Instant.parse("2026-11-23T12:00:00Z"));
        String group = "outage-" + UUID.randomUUID();
        SinkRunner sink = sink(group).start();
        fixtures.sendEvents(before);
        await("before the outage").atMost(Duration.ofSeconds(60)).until(() -> probe.count(before) == 100);

        SEARCH.node().stop();
        fixtures.sendEvents(during);
        await("paused").atMost(Duration.ofSeconds(60)).until(sink::isPaused);
        await("several retries failed").atMost(Duration.ofSeconds(60)).until(() ->
                registry.counter("alpr.sink.write.failures", "sink", "opensearch").count() >= 5);
        SEARCH.node().start();

        await("caught up").atMost(Duration.ofSeconds(90)).until(() -> !sink.isPaused() && caughtUp(group));
        assertThat(probe.count(before)).isEqualTo(100);
        assertThat(probe.count(during)).isEqualTo(150);
    }

    @Test
    void shouldSendDocumentsTheMappingRefusesAndUndecodableRecordsToTheDeadLetterTopic() {
        PlateEvent good = SinkFixtures.event(UUID.randomUUID().toString(), "GUD1234", Instant.parse(
                "2026-11-24T10:00:00Z"), 1, 0.9f);
        String badPlate = "LAT" + (System.nanoTime() % 10_000);
        PlateEvent offTheMap = SinkFixtures.event(UUID.randomUUID().toString(), badPlate, Instant.parse(
                "2026-11-24T10:00:00Z"), 1, 0.9f);
        offTheMap.setLatitude(123.0); // not a latitude: geo_point refuses the document
        String garbageKey = "garbage-" + UUID.randomUUID();
        String group = "dlq-" + UUID.randomUUID();
        fixtures.sendEvents(List.of(good, offTheMap));
        fixtures.send(AlprTopics.PLATES_ENRICHED, List.of(Map.entry(garbageKey, "junk".getBytes(StandardCharsets.UTF_8))));
        sink(group).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(group));

        List<ConsumerRecord<byte[], byte[]>> dlq = fixtures.readAll(AlprTopics.DLQ, 2).stream()
                .filter(r -> r.key() != null && List.of(badPlate, garbageKey).contains(new String(r.key(),
                        StandardCharsets.UTF_8))).toList();

        assertThat(probe.count(List.of(good))).isOne();
        assertThat(probe.count(List.of(offTheMap))).isZero();
        assertThat(dlq).extracting(r -> DeadLetterHeaders.value(r.headers(), AlprTopics.REJECT_REASON_HEADER))
                .containsExactlyInAnyOrder(Rejected.WRITE_REJECTED, Rejected.DESERIALIZATION_ERROR);
        assertThat(dlq).anySatisfy(r -> assertThat(DeadLetterHeaders.value(r.headers(),
                AlprTopics.REJECT_DETAIL_HEADER)).contains("mapper_parsing_exception"));
    }

    @Test
    void shouldDeleteDailyIndicesPastTheRetentionOnly() throws Exception {
        try (SearchClient client = SearchClient.connect(OpenSearchConfig.of(SEARCH.url()))) {
            EventIndex index = new EventIndex(client, OpenSearchConfig.of(SEARCH.url()).withRetentionDays(10));
            index.installTemplate();
            for (String day : List.of("2025.01.01", "2025.01.05", "2025.01.06", "2025.01.10")) {
                probe.send("PUT", "/alpr-events-" + day, null);
            }

            List<String> deleted = index.deleteExpired(Instant.parse("2025-01-16T12:00:00Z"));

            assertThat(deleted).containsExactly("alpr-events-2025.01.01", "alpr-events-2025.01.05");
            assertThat(index.indices()).contains("alpr-events-2025.01.06", "alpr-events-2025.01.10")
                    .doesNotContain("alpr-events-2025.01.01", "alpr-events-2025.01.05");
        }
    }
}
