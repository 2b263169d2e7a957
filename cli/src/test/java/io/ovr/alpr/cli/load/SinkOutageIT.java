package io.ovr.alpr.cli.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.devstack.OpenSearchExtension;
import io.ovr.alpr.devstack.PostgresExtension;
import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicSpec;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import io.ovr.alpr.sinks.core.SinkRunner;
import io.ovr.alpr.sinks.search.EventIndex;
import io.ovr.alpr.sinks.search.OpenSearchConfig;
import io.ovr.alpr.sinks.search.OpenSearchSink;
import io.ovr.alpr.sinks.search.SearchClient;
import io.ovr.alpr.sinks.sql.Database;
import io.ovr.alpr.sinks.sql.DatabaseConfig;
import io.ovr.alpr.sinks.sql.Migrations;
import io.ovr.alpr.sinks.sql.TimescaleSink;
import io.ovr.alpr.topology.AlprTopology;
import io.ovr.alpr.topology.StreamsSettings;
import io.ovr.alpr.topology.TopologyConfig;
import io.ovr.alpr.topology.runner.StreamsRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline under a steady load of realistic reads while PostgreSQL and OpenSearch are both
 * unreachable for 30 s (each behind a loopback proxy this test cuts: connections reset, then
 * refused). Both sinks pause and retry; afterwards every vehicle pass is one row and one document,
 * nothing is lost, nothing duplicated, nothing dead-lettered.
 */
@Tag("integration")
class SinkOutageIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.machineOrEmbedded();
    @RegisterExtension
    static final OpenSearchExtension SEARCH = new OpenSearchExtension();

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void shouldLoseAndDuplicateNothingWhenPostgresAndOpenSearchAreUnreachableFor30SecondsUnderLoad(
            @TempDir Path dir) throws Exception {
        createTopics();
        int pgPort = URI.create(POSTGRES.jdbcUrl().substring("jdbc:".length())).getPort();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
             CuttableProxy pgProxy = new CuttableProxy(pgPort);
             CuttableProxy searchProxy = new CuttableProxy(SEARCH.node().port());
             Database database = Database.connect(DatabaseConfig.of(POSTGRES.jdbcUrl()
                     .replace(":" + pgPort + "/", ":" + pgProxy.port() + "/")).withPoolSize(2), "outage-it")) {
            AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                    RegistryClientConfig.of(registry.url())), SerdeOptions.values());
            new Migrations(database.dataSource(), database.config()).migrate();
            OpenSearchConfig search = OpenSearchConfig.of("http://127.0.0.1:" + searchProxy.port());
            try (SearchClient client = SearchClient.connect(search)) {
                new EventIndex(client, search).installTemplate();
            }
            RealisticReads generator = new RealisticReads(RealisticReads.Profile.defaults().withPlates(5_000)
                    .withShares(0.05, 0, 0.05));
            AtomicLong passes = new AtomicLong();
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            try (LoadGenerator load = new LoadGenerator(KAFKA.bootstrapServers(), topics);
                 StreamsRunner streams = new StreamsRunner(AlprTopology.build(TopologyConfig.defaults(), topics,
                         new PipelineCounters()), StreamsSettings.defaults(KAFKA.bootstrapServers(), dir)
                         .withApplicationId("alpr-outage-it")).start();
                 SinkRunner timescale = TimescaleSink.create(TimescaleSink.config(KAFKA.bootstrapServers(),
                                 "outage-timescale").withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2)),
                         database, topics, meters, Duration.ofMinutes(5)).start();
                 SinkRunner opensearch = OpenSearchSink.create(OpenSearchSink.config(KAFKA.bootstrapServers(),
                                 "outage-opensearch").withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2)),
                         search, topics, meters, Duration.ofHours(1)).start()) {
                load.registerWorld(generator);
                AtomicBoolean stop = new AtomicBoolean();
                Thread sender = new Thread(() -> load.run(generator, 100, Duration.ofMinutes(5), stop, read -> {
                    if (read.opensPass()) {
                        passes.incrementAndGet();
                    }
                }), "load");
                sender.start();
                await("rows and documents flowing").atMost(Duration.ofMinutes(1)).ignoreExceptions()
                        .until(() -> rows(database) > 100 && documents(search.url()) > 100);

                pgProxy.cut();
                searchProxy.cut();
                long cutAt = System.nanoTime();
                await("both sinks paused on the outage").atMost(OUTAGE)
                        .until(() -> timescale.isPaused() && opensearch.isPaused());
                await("the outage lasts 30 s").atMost(OUTAGE.plusSeconds(5))
                        .until(() -> System.nanoTime() - cutAt >= OUTAGE.toNanos());
                assertThat(timescale.isPaused() && opensearch.isPaused()).as("still paused after 30 s").isTrue();
                pgProxy.restore();
                searchProxy.restore();
                await("more load after the outage").atMost(Duration.ofMinutes(1)).until(() -> !timescale.isPaused()
                        && !opensearch.isPaused());
                stop.set(true);
                sender.join();

                await("every pass written once").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            assertThat(ReadLedger.caughtUp(KAFKA.bootstrapServers(), "alpr-outage-it",
                                    AlprTopics.DETECTIONS_RAW, AlprTopics.PLATES_ENRICHED)).as("topology caught up")
                                    .isTrue();
                            assertThat(rows(database)).as("rows").isEqualTo(passes.get());
                            assertThat(documents(search.url())).as("documents").isEqualTo(passes.get());
                        });
                assertThat(meters.counter("alpr.sink.write.failures", "sink", "timescale").count())
                        .as("timescale retries during the outage").isGreaterThan(1);
                assertThat(meters.counter("alpr.sink.write.failures", "sink", "opensearch").count())
                        .as("opensearch retries during the outage").isGreaterThan(1);
            }
            assertThat(distinctRows(database)).as("one row per pass").isEqualTo(rows(database))
                    .isEqualTo(passes.get());
            assertThat(documents(search.url())).as("one document per pass").isEqualTo(passes.get());
            assertThat(ReadLedger.consumeAll(KAFKA.bootstrapServers(), AlprTopics.DLQ)).as("dead letters").isEmpty();
        }
    }

    private static long rows(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM plate_events").mapTo(Long.class)
                .one());
    }

    private static long distinctRows(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT count(DISTINCT event_id) FROM plate_events")
                .mapTo(Long.class).one());
    }

    private static long documents(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(url + "/alpr-events/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        String body = http.send(HttpRequest.newBuilder(URI.create(url + "/alpr-events/_count")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return Long.parseLong(body.replaceAll(".*\"count\":(\\d+).*", "$1"));
    }

    private static void createTopics() throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec spec : AlprTopics.specs(TopicsConfig.defaults().withPartitions(2).keepingForever())) {
            topics.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()));
        }
        try (var admin = KAFKA.admin()) {
            admin.createTopics(topics).all().get();
        }
    }
}
