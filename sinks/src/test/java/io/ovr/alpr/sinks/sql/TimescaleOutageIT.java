package io.ovr.alpr.sinks.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.devstack.PostgresExtension;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.sinks.SinkFixtures;
import io.ovr.alpr.sinks.core.SinkConfig;
import io.ovr.alpr.sinks.core.SinkRunner;
import io.ovr.alpr.sinks.sql.dao.PlateEventDao;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The timescale sink while its database is really down: an embedded PostgreSQL this test stops and starts. */
@Tag("integration")
class TimescaleOutageIT {

    @RegisterExtension
    static final KafkaBrokerExtension BROKER = new KafkaBrokerExtension();
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.owned();

    @Test
    void shouldPauseWhileTheDatabaseIsDownAndCatchUpWithoutLossOrDuplicates() {
        try (SinkFixtures fixtures = new SinkFixtures(BROKER);
             Database database = Database.connect(DatabaseConfig.of(POSTGRES.jdbcUrl()), "outage")) {
            fixtures.createTopics();
            new Migrations(database.dataSource(), database.config()).migrate();
            SinkConfig config = TimescaleSink.config(fixtures.bootstrap(), "outage")
                    .withBatch(100, Duration.ofMillis(100)).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
            PlateEventDao events = database.jdbi().onDemand(PlateEventDao.class);
            List<PlateEvent> before = SinkFixtures.events(300, SinkFixtures.T0);
            List<PlateEvent> during = SinkFixtures.events(300, SinkFixtures.T0.plusSeconds(30));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (SinkRunner sink = TimescaleSink.create(config, database, fixtures.topics(), registry,
                    Duration.ofMinutes(5)).start()) {
                fixtures.sendEvents(before);
                await("before the outage").atMost(Duration.ofSeconds(60)).until(() -> events.count() == 300);

                POSTGRES.server().stop();
                fixtures.sendEvents(during);
                await("paused on the outage").atMost(Duration.ofSeconds(60)).until(sink::isPaused);
                await("several retries failed").atMost(Duration.ofSeconds(60)).until(() ->
                        registry.counter("alpr.sink.write.failures", "sink", "timescale").count() >= 5);
                POSTGRES.server().start();

                assertThat(sink.isPaused()).isTrue();
                await("caught up").atMost(Duration.ofSeconds(90)).until(() -> !sink.isPaused()
                        && SinkProgress.caughtUp(fixtures.bootstrap(), "outage", AlprTopics.PLATES_ENRICHED));
            }
            assertThat(events.count()).isEqualTo(600);
            assertThat(events.countEvents(during.stream().map(e -> java.util.UUID.fromString(e.getEventId()))
                    .toList())).isEqualTo(300);
        }
    }
}
