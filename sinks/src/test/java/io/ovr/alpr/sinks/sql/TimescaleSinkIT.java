package io.ovr.alpr.sinks.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.devstack.PostgresDatabase;
import io.ovr.alpr.devstack.PostgresExtension;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.DeadLetterHeaders;
import io.ovr.alpr.sinks.SinkFixtures;
import io.ovr.alpr.sinks.core.Rejected;
import io.ovr.alpr.sinks.core.SinkConfig;
import io.ovr.alpr.sinks.core.SinkRunner;
import io.ovr.alpr.sinks.sql.dao.AlertDao;
import io.ovr.alpr.sinks.sql.dao.CameraDao;
import io.ovr.alpr.sinks.sql.dao.PlateEventDao;
import io.ovr.alpr.sinks.sql.dao.StoredPlateEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The timescale sink end to end: a real broker, a real registry and a fresh database per test on
 * the machine's PostgreSQL (or an embedded one).
 */
@Tag("integration")
class TimescaleSinkIT {

    @RegisterExtension
    static final KafkaBrokerExtension BROKER = new KafkaBrokerExtension();
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.machineOrEmbedded();

    private static SinkFixtures fixtures;
    private PostgresDatabase db;
    private Database database;
    private final List<SinkRunner> sinks = new ArrayList<>();

    @BeforeAll
    static void topics() {
        fixtures = new SinkFixtures(BROKER);
        fixtures.createTopics();
    }

    @AfterAll
    static void closeFixtures() {
        fixtures.close();
    }

    @BeforeEach
    void migrate() {
        db = POSTGRES.newDatabase();
        database = Database.connect(DatabaseConfig.of(db.jdbcUrl()).withRetention(Duration.ZERO), "test");
        new Migrations(database.dataSource(), database.config()).migrate();
    }

    @AfterEach
    void close() {
        sinks.forEach(SinkRunner::close);
        database.close();
        db.close();
    }

    private SinkRunner sink(String group) {
        SinkConfig config = TimescaleSink.config(fixtures.bootstrap(), group).withBatch(200, Duration.ofMillis(100))
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        SinkRunner sink = TimescaleSink.create(config, database, fixtures.topics(), new SimpleMeterRegistry(),
                Duration.ofMinutes(5));
        sinks.add(sink);
        return sink;
    }

    private PlateEventDao events() {
        return database.jdbi().onDemand(PlateEventDao.class);
    }

    @Test
    void shouldHoldEachPassOnceAfterTheSameBatchIsReplayedTwice() {
        List<PlateEvent> batch = SinkFixtures.events(700, SinkFixtures.T0);
        fixtures.sendEvents(batch);
        sink("replay-1-" + UUID.randomUUID()).start();
        await("first load").atMost(Duration.ofSeconds(60)).until(() -> count(batch) == 700);
        long total = events().count();

        fixtures.sendEvents(batch); // the same records once more on the topic
        SinkRunner fromScratch = sink("replay-2-" + UUID.randomUUID()).start(); // a new group re-reads all of it
        await("replay consumed").atMost(Duration.ofSeconds(60)).until(() -> committed(fromScratch));

        assertThat(count(batch)).isEqualTo(700);
        assertThat(events().count()).isEqualTo(total);
        assertThat(batch).allSatisfy(e -> assertThat(events().countEvent(UUID.fromString(e.getEventId()))).isOne());
    }

    @Test
    void shouldReplaceAPassByItsLaterVersionAndIgnoreAnOlderOneArrivingLate() {
        String id = UUID.randomUUID().toString();
        PlateEvent first = SinkFixtures.event(id, "QRS1A23", SinkFixtures.T0, 1, 0.61f);
        PlateEvent better = SinkFixtures.event(id, "QRS1A28", SinkFixtures.T0, 3, 0.93f);
        fixtures.sendEvents(List.of(first));
        sink("pass-" + UUID.randomUUID()).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> events().countEvent(UUID.fromString(id)) == 1);

        fixtures.sendEvents(List.of(better, first)); // the update, then the old version again (replay, other partition)
        await("update applied").atMost(Duration.ofSeconds(30))
                .until(() -> events().find(UUID.fromString(id)).orElseThrow().readCount() == 3);
        PlateEvent marker = SinkFixtures.event(UUID.randomUUID().toString(), "ZZZ9Z99", SinkFixtures.T0, 1, 0.9f);
        fixtures.sendEvents(List.of(marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> events().countEvent(UUID.fromString(marker.getEventId())) == 1);

        StoredPlateEvent row = events().find(UUID.fromString(id)).orElseThrow();
        assertThat(events().countEvent(UUID.fromString(id))).isOne();
        assertThat(row.plateText()).isEqualTo("QRS1A28");
        assertThat(row.confidence()).isEqualTo(0.93f);
        assertThat(row.readCount()).isEqualTo(3);
        assertThat(row.capturedAt()).isEqualTo(SinkFixtures.T0);
        assertThat(row.candidates()).contains("QRS1A28\\\"\\t\\\\");
    }

    @Test
    void shouldLoseAndDuplicateNothingWhenKilledBetweenWriteAndCommit() {
        List<PlateEvent> batch = SinkFixtures.events(450, SinkFixtures.T0.plusSeconds(7));
        fixtures.sendEvents(batch);
        String group = "crash-" + UUID.randomUUID();
        SinkRunner doomed = sink(group);
        AtomicReference<Boolean> crashed = new AtomicReference<>(false);
        doomed.afterWrite(() -> {
            if (count(batch) >= 200 && !crashed.get()) {
                crashed.set(true);
                doomed.abort(); // written, not committed: as if the process died here
            }
        });
        doomed.start();
        await("crash").atMost(Duration.ofSeconds(60)).until(crashed::get);
        doomed.awaitStop();
        long beforeRestart = count(batch);

        SinkRunner restarted = sink(group).start();
        await("caught up").atMost(Duration.ofSeconds(60)).until(() -> committed(restarted));

        assertThat(beforeRestart).isBetween(200L, 449L);
        assertThat(count(batch)).isEqualTo(450);
    }

    @Test
    void shouldSendUndecodableAndInvalidRecordsToTheDeadLetterTopicWithTheirReason() {
        PlateEvent good = SinkFixtures.event(UUID.randomUUID().toString(), "GOOD123", SinkFixtures.T0, 1, 0.9f);
        String badPlate = "BAD" + (System.nanoTime() % 10_000);
        String garbageKey = "garbage-" + UUID.randomUUID();
        PlateEvent badId = SinkFixtures.event("not-a-uuid", badPlate, SinkFixtures.T0, 1, 0.9f);
        fixtures.sendEvents(List.of(good, badId));
        fixtures.send(AlprTopics.PLATES_ENRICHED, List.of(Map.entry(garbageKey,
                "not avro".getBytes(StandardCharsets.UTF_8))));
        sink("dlq-" + UUID.randomUUID()).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(List.of(good)) == 1);

        List<ConsumerRecord<byte[], byte[]>> dlq = fixtures.readAll(AlprTopics.DLQ, 2).stream()
                .filter(r -> r.key() != null && List.of(badPlate, garbageKey).contains(new String(r.key(),
                        StandardCharsets.UTF_8))).toList();

        assertThat(dlq).extracting(r -> DeadLetterHeaders.value(r.headers(), AlprTopics.REJECT_REASON_HEADER))
                .containsExactlyInAnyOrder(Rejected.INVALID_RECORD, Rejected.DESERIALIZATION_ERROR);
        assertThat(dlq).allSatisfy(r -> assertThat(DeadLetterHeaders.value(r.headers(),
                DeadLetterHeaders.SOURCE_TOPIC_HEADER)).isEqualTo(AlprTopics.PLATES_ENRICHED));
        assertThat(events().find(UUID.fromString(good.getEventId()))).isPresent();
    }

    @Test
    void shouldStoreAlertsOnceAndFollowCameraUpdatesAndDeletes() {
        PlateEvent event = SinkFixtures.event(UUID.randomUUID().toString(), "HOT0001", SinkFixtures.T0, 1, 0.9f);
        Alert alert = SinkFixtures.alert(event, "hotlist");
        fixtures.sendAlerts(List.of(alert, alert, SinkFixtures.alert(event, "rule")));
        fixtures.sendCamera("cam-x", SinkFixtures.camera("cam-x", "Old name"));
        fixtures.sendCamera("cam-x", SinkFixtures.camera("cam-x", "New name"));
        fixtures.sendCamera("cam-y", SinkFixtures.camera("cam-y", "Gone soon"));
        fixtures.sendCamera("cam-y", null);
        sink("alerts-" + UUID.randomUUID()).start();
        AlertDao alerts = database.jdbi().onDemand(AlertDao.class);
        CameraDao cameras = database.jdbi().onDemand(CameraDao.class);

        await().atMost(Duration.ofSeconds(30)).until(() -> alerts.count() == 2
                && cameras.find("cam-x").map(c -> c.name().equals("New name")).orElse(false));

        assertThat(alerts.find(UUID.fromString(alert.getAlertId())).orElseThrow().event()).contains("HOT0001");
        assertThat(cameras.find("cam-y")).isEmpty();
    }

    private long count(List<PlateEvent> batch) {
        return events().countEvents(batch.stream().map(e -> UUID.fromString(e.getEventId())).toList());
    }

    /** Whether the sink's group has committed the end of every partition of the events topic. */
    private boolean committed(SinkRunner sink) {
        return SinkProgress.caughtUp(fixtures.bootstrap(), sinkGroup(sink), AlprTopics.PLATES_ENRICHED);
    }

    private static String sinkGroup(SinkRunner sink) {
        return sink.groupId();
    }
}
