package io.ovr.alpr.cli.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicSpec;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import io.ovr.alpr.topology.AlprTopology;
import io.ovr.alpr.topology.StreamsSettings;
import io.ovr.alpr.topology.TopologyConfig;
import io.ovr.alpr.topology.runner.StreamsRunner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 hostile records interleaved with realistic reads on {@code alpr.detections.raw}: random
 * bytes, truncated reads, an unknown schema id, a wrong magic byte, oversized text, absurd
 * timestamps, null values. Every hostile record lands in the DLQ once, with a reason; the stream
 * thread is never replaced; the valid reads around them come out exactly as they would alone.
 */
@Tag("integration")
class HostileInputIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final int HOSTILE = 10_000;
    private static final String HOSTILE_ID = "test.hostile.id";

    @Test
    void shouldDeadLetterEveryHostileRecordWithAReasonAndKeepProcessingTheValidOnesAroundThem(@TempDir Path dir)
            throws Exception {
        createTopics();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0)) {
            AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                    RegistryClientConfig.of(registry.url())), SerdeOptions.values());
            RealisticReads generator = new RealisticReads(RealisticReads.Profile.defaults().withPlates(2_000)
                    .withShares(0.05, 0, 0.05));
            ReadLedger ledger = new ReadLedger();
            Map<String, String> hostileKinds = new HashMap<>();
            try (LoadGenerator load = new LoadGenerator(KAFKA.bootstrapServers(), topics)) {
                load.registerWorld(generator);
            }
            produce(topics, generator, ledger, hostileKinds);

            StreamsSettings settings = StreamsSettings.defaults(KAFKA.bootstrapServers(), dir)
                    .withApplicationId("alpr-hostile-it");
            try (StreamsRunner runner = new StreamsRunner(AlprTopology.build(TopologyConfig.defaults(), topics,
                    new PipelineCounters()), settings).start()) {
                await("every read and every enriched event processed").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500)).until(() -> ReadLedger.caughtUp(KAFKA.bootstrapServers(),
                                "alpr-hostile-it", AlprTopics.DETECTIONS_RAW, AlprTopics.PLATES_ENRICHED));

                assertThat(runner.state()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(runner.streams().metadataForLocalThreads()).as("no stream thread was replaced")
                        .extracting(t -> t.threadName()).allMatch(name -> name.endsWith("-StreamThread-1"));
            }
            List<ConsumerRecord<byte[], byte[]>> dead = ReadLedger.consumeAll(KAFKA.bootstrapServers(), AlprTopics.DLQ);
            Map<String, String> reasons = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : dead) {
                Header reason = record.headers().lastHeader(AlprTopics.REJECT_REASON_HEADER);
                Header id = record.headers().lastHeader(HOSTILE_ID);
                reasons.put(id == null ? "no " + HOSTILE_ID + " header" : new String(id.value(), StandardCharsets.UTF_8),
                        reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
            }
            assertThat(dead).as("one dead letter per hostile record").hasSize(HOSTILE);
            assertThat(reasons.keySet()).isEqualTo(hostileKinds.keySet());
            assertThat(reasons.values()).as("every dead letter says why").doesNotContainNull();
            assertThat(reasonsOf("unknown-schema", hostileKinds, reasons)).containsOnly("DESERIALIZATION_ERROR");
            assertThat(reasonsOf("wrong-magic", hostileKinds, reasons)).containsOnly("DESERIALIZATION_ERROR");
            assertThat(reasonsOf("truncated", hostileKinds, reasons)).containsOnly("DESERIALIZATION_ERROR");
            assertThat(reasonsOf("oversized", hostileKinds, reasons)).containsOnly("TOO_LONG");
            assertThat(reasonsOf("future", hostileKinds, reasons)).containsOnly("FUTURE_TIMESTAMP");
            assertThat(reasonsOf("ancient", hostileKinds, reasons)).containsOnly("TOO_LATE");
            List<String> enriched = ReadLedger.enrichedReadIds(KAFKA.bootstrapServers(), topics);
            assertThat(enriched).doesNotHaveDuplicates();
            assertThat(new HashSet<>(enriched)).isEqualTo(ledger.expectedEnriched());
        }
    }

    private static List<String> reasonsOf(String kind, Map<String, String> kinds, Map<String, String> reasons) {
        List<String> found = kinds.entrySet().stream().filter(e -> e.getValue().equals(kind))
                .map(e -> reasons.get(e.getKey())).toList();
        assertThat(found).as(kind).isNotEmpty();
        return found;
    }

    /**
     * Forty valid reads, then ten hostile records after every valid read, all keyed by camera as an
     * edge keys them; each hostile record carries its id in a header, which the DLQ keeps.
     */
    private static void produce(AlprTopics topics, RealisticReads generator, ReadLedger ledger,
                                Map<String, String> kinds) {
        Serializer<PlateRead> serializer = topics.detectionsRaw().valueSerde().serializer();
        Random random = new Random(7);
        Instant start = Instant.now().minus(Duration.ofMinutes(30));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < 40; i++) {
                RealisticReads.Read read = generator.next(start.minusMillis(4_000 - i * 100L));
                ledger.sent(read);
                producer.send(new ProducerRecord<>(AlprTopics.DETECTIONS_RAW, bytes(read.key()),
                        serializer.serialize(AlprTopics.DETECTIONS_RAW, read.read())));
            }
            for (int i = 0; i < HOSTILE; i++) {
                Instant now = start.plusMillis(i * 100L);
                if (i % 10 == 0) {
                    RealisticReads.Read read = generator.next(now);
                    ledger.sent(read);
                    producer.send(new ProducerRecord<>(AlprTopics.DETECTIONS_RAW, bytes(read.key()),
                            serializer.serialize(AlprTopics.DETECTIONS_RAW, read.read())));
                }
                String kind = kindOf(i);
                String id = "hostile-" + i;
                kinds.put(id, kind);
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(AlprTopics.DETECTIONS_RAW,
                        bytes("cam-" + i % 20), hostile(kind, i, now, random, serializer));
                record.headers().add(HOSTILE_ID, bytes(id));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static String kindOf(int i) {
        return switch (i % 10) {
            case 0, 1, 2 -> "random";
            case 3, 4 -> "truncated";
            case 5 -> "unknown-schema";
            case 6 -> "wrong-magic";
            case 7 -> i % 200 == 7 ? "oversized" : "null-value";
            case 8 -> "future";
            default -> "ancient";
        };
    }

    private static byte[] hostile(String kind, int i, Instant now, Random random, Serializer<PlateRead> serializer) {
        byte[] valid = serializer.serialize(AlprTopics.DETECTIONS_RAW, read(i, now, "ABC" + (1000 + i % 9000)));
        return switch (kind) {
            case "random" -> {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case "truncated" -> java.util.Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 1));
            case "unknown-schema" -> ByteBuffer.allocate(valid.length).put((byte) 0).putInt(90_000 + i % 50)
                    .put(valid, 5, valid.length - 5).array();
            case "wrong-magic" -> {
                byte[] copy = valid.clone();
                copy[0] = (byte) (1 + random.nextInt(255));
                yield copy;
            }
            case "oversized" -> serializer.serialize(AlprTopics.DETECTIONS_RAW,
                    read(i, now, "X".repeat(100_000 + random.nextInt(100_000))));
            case "future" -> serializer.serialize(AlprTopics.DETECTIONS_RAW, read(i,
                    i % 20 == 8 ? Instant.parse("9999-12-31T23:59:59Z") : now.plus(Duration.ofDays(30)), "ABC1234"));
            case "ancient" -> serializer.serialize(AlprTopics.DETECTIONS_RAW, read(i,
                    i % 20 == 9 ? Instant.ofEpochMilli(-86_400_000L * 365) : Instant.EPOCH, "ABC1234"));
            default -> null;
        };
    }

    private static PlateRead read(int i, Instant capturedAt, String text) {
        return PlateRead.newBuilder().setReadId("hostile-" + i).setCameraId("cam-" + i % 20).setCapturedAt(capturedAt)
                .setText(text).setConfidence(0.9f).build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
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
