package io.ovr.alpr.cli.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ovr.alpr.cli.load.RealisticReads;
import io.ovr.alpr.devstack.BrokerConfig;
import io.ovr.alpr.devstack.EmbeddedKafkaBroker;
import io.ovr.alpr.devstack.EmbeddedOpenSearch;
import io.ovr.alpr.devstack.PostgresDatabase;
import io.ovr.alpr.devstack.PostgresServer;
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
import io.ovr.alpr.sinks.sql.PartitionMaintenance;
import io.ovr.alpr.sinks.sql.TimescaleSink;
import io.ovr.alpr.topology.AlprTopology;
import io.ovr.alpr.topology.StreamsSettings;
import io.ovr.alpr.topology.TopologyConfig;
import io.ovr.alpr.topology.runner.StreamsRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The whole pipeline on this machine for the end-to-end and soak benchmarks: an embedded broker and
 * registry, the topology ({@code exactly_once_v2}, one stream thread) with the load generator's
 * cameras and hotlist, the timescale sink into a fresh database on the machine's PostgreSQL (an
 * embedded one when none answers), and the opensearch sink into an embedded OpenSearch node (a
 * child JVM). Everything but the OpenSearch node runs in this JVM.
 */
final class E2ePipeline implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(E2ePipeline.class);
    static final String APPLICATION_ID = "alpr-bench-e2e";
    static final String TIMESCALE_GROUP = "bench-e2e-timescale";
    static final String OPENSEARCH_GROUP = "bench-e2e-opensearch";
    private static final int PARTITIONS = 3;

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    final Path dir;
    final EmbeddedKafkaBroker broker;
    final AlprTopics topics;
    final StreamsSettings settings;
    final PostgresDatabase db;
    final Database database;
    final EmbeddedOpenSearch search;
    final String where;
    private final Admin admin;

    E2ePipeline(String pgAdminUrl, RealisticReads world, java.util.function.Consumer<String> progress)
            throws Exception {
        dir = Files.createTempDirectory("alpr-bench-e2e-");
        try {
            progress.accept("starting the broker, the registry, PostgreSQL and an OpenSearch node ...");
            broker = add(EmbeddedKafkaBroker.start(BrokerConfig.forTests().withDataDir(dir.resolve("kafka"))));
            EmbeddedSchemaRegistry registry = add(EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0));
            PostgresServer pg = add(PostgresServer.machineOrEmbedded(pgAdminUrl));
            db = add(pg.createDatabase("alpr_bench_e2e"));
            database = add(Database.connect(DatabaseConfig.of(db.jdbcUrl()).withPoolSize(4), "bench-e2e"));
            search = add(EmbeddedOpenSearch.start(Optional.of(dir.resolve("opensearch")), 0));
            where = (pg.isEmbedded() ? "embedded PostgreSQL 15" : "PostgreSQL at "
                    + pgAdminUrl.replaceAll("\\?.*", "")) + " (database " + db.name() + "), embedded OpenSearch 2.19.1";
            topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                    RegistryClientConfig.of(registry.url())), SerdeOptions.values());
            admin = add(Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers())));
            createTopics();
            new Migrations(database.dataSource(), database.config()).migrate();
            Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
            new PartitionMaintenance(database.dataSource(), database.config()).ensureDays(Set.of(
                    PartitionMaintenance.day(today.minus(Duration.ofDays(1))), PartitionMaintenance.day(today),
                    PartitionMaintenance.day(today.plus(Duration.ofDays(1)))));
            OpenSearchConfig searchConfig = OpenSearchConfig.of(search.url());
            try (SearchClient client = SearchClient.connect(searchConfig)) {
                new EventIndex(client, searchConfig).installTemplate();
            }
            try (io.ovr.alpr.cli.load.LoadGenerator load = new io.ovr.alpr.cli.load.LoadGenerator(
                    broker.bootstrapServers(), topics)) {
                load.registerWorld(world);
            }
            settings = StreamsSettings.defaults(broker.bootstrapServers(), dir.resolve("state"))
                    .withApplicationId(APPLICATION_ID);
            progress.accept("starting the topology and both sinks ...");
            StreamsRunner streams = add(new StreamsRunner(AlprTopology.build(TopologyConfig.defaults(), topics,
                    new PipelineCounters()), settings));
            add(TimescaleSink.create(TimescaleSink.config(broker.bootstrapServers(), TIMESCALE_GROUP), database, topics,
                    new SimpleMeterRegistry(), Duration.ofMinutes(5))).start();
            add(OpenSearchSink.create(OpenSearchSink.config(broker.bootstrapServers(), OPENSEARCH_GROUP),
                    searchConfig, topics, new SimpleMeterRegistry(), Duration.ofHours(1))).start();
            streams.start();
            if (!streams.awaitRunning(Duration.ofMinutes(2))) {
                throw new IllegalStateException("the topology did not reach RUNNING in 2 minutes");
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    /** Records each group has not committed yet, on every partition it reads. */
    Map<String, Long> lags() throws Exception {
        if (!search.isRunning()) {
            throw new IllegalStateException("the OpenSearch node (a child JVM) has exited: the figures would be wrong");
        }
        Map<String, Long> lags = new LinkedHashMap<>();
        lags.put("streams", lag(APPLICATION_ID, List.of(AlprTopics.DETECTIONS_RAW, AlprTopics.PLATES_ENRICHED)));
        lags.put("timescale", lag(TIMESCALE_GROUP, List.of(AlprTopics.PLATES_ENRICHED, AlprTopics.ALERTS)));
        lags.put("opensearch", lag(OPENSEARCH_GROUP, List.of(AlprTopics.PLATES_ENRICHED)));
        return lags;
    }

    /** Dead letters by reason, with one detail each, for diagnostics. */
    Map<String, String> deadLetters() {
        Map<String, String> reasons = new java.util.TreeMap<>();
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", bootstrap());
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(props,
                             new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                             new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(AlprTopics.DLQ).stream()
                    .map(p -> new TopicPartition(AlprTopics.DLQ, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    var reason = r.headers().lastHeader(AlprTopics.REJECT_REASON_HEADER);
                    var detail = r.headers().lastHeader(AlprTopics.REJECT_DETAIL_HEADER);
                    var source = r.headers().lastHeader("alpr.source.topic");
                    String k = (reason == null ? "?" : new String(reason.value())) + " from "
                            + (source == null ? "?" : new String(source.value()));
                    reasons.merge(k, "1 " + (detail == null ? "" : new String(detail.value())),
                            (a, b) -> (Long.parseLong(a.substring(0, a.indexOf(' '))) + 1) + a.substring(a.indexOf(' ')));
                }
            }
        }
        return reasons;
    }

    /** The committed offsets of both sinks on {@code alpr.plates.enriched}, for diagnostics. */
    Map<String, Object> sinkOffsets() throws Exception {
        Map<String, Object> offsets = new LinkedHashMap<>();
        for (String group : List.of(TIMESCALE_GROUP, OPENSEARCH_GROUP)) {
            Map<Integer, Long> byPartition = new java.util.TreeMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .forEach((tp, o) -> {
                        if (tp.topic().equals(AlprTopics.PLATES_ENRICHED) && o != null) {
                            byPartition.put(tp.partition(), o.offset());
                        }
                    });
            offsets.put(group, byPartition);
        }
        return offsets;
    }

    private long lag(String group, List<String> inputs) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (var description : admin.describeTopics(inputs).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(p -> ends.put(new TopicPartition(description.name(), p.partition()),
                    OffsetSpec.latest()));
        }
        var offsets = admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (var e : offsets.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()));
        }
        return lag;
    }

    private void createTopics() throws Exception {
        List<NewTopic> created = new ArrayList<>();
        for (TopicSpec spec : AlprTopics.specs(TopicsConfig.defaults().withPartitions(PARTITIONS).keepingForever())) {
            created.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()));
        }
        admin.createTopics(created).all().get(60, TimeUnit.SECONDS);
    }

    private <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                if (resource instanceof SinkRunner sink) {
                    sink.close();
                } else {
                    resource.close();
                }
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resource, e.toString());
            }
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
