package io.ovr.alpr.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.KafkaSchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicSpec;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import io.ovr.alpr.topology.runner.StreamsRunner;
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
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 reads with duplicates, invalid reads and poison bytes through the real topology with
 * exactly_once_v2 on the embedded broker, restarted in the middle: every input is accounted for
 * exactly once, as an enriched emission, a suppressed duplicate, or a DLQ record.
 */
@Tag("integration")
class ExactlyOnceAccountingIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final int PASSES = 20_000;
    private static final float[] CONFIDENCES = {0.6f, 0.55f, 0.7f, 0.62f, 0.8f};
    private static final Set<Integer> EMITTING = Set.of(0, 2, 4);

    @Test
    void shouldAccountForEveryReadExactlyOnceAcrossARestart(@TempDir Path stateDir) throws Exception {
        createTopics();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                new KafkaSchemaLog(KAFKA.bootstrapServers(), "_schemas", (short) 1), "127.0.0.1", 0)) {
            AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                    RegistryClientConfig.of(registry.url())), SerdeOptions.values());
            Expected expected = produce(topics);
            StreamsSettings settings = StreamsSettings.defaults(KAFKA.bootstrapServers(), stateDir);

            try (StreamsRunner first = new StreamsRunner(topology(topics), settings).start()) {
                await("half of the events").atMost(Duration.ofMinutes(2))
                        .until(() -> countCommitted(AlprTopics.PLATES_ENRICHED) > expected.emitted.size() / 2);
            }
            try (StreamsRunner second = new StreamsRunner(topology(topics), settings).start()) {
                await("every event and dead letter").atMost(Duration.ofMinutes(3)).until(() ->
                        countCommitted(AlprTopics.PLATES_ENRICHED) >= expected.emitted.size()
                                && countCommitted(AlprTopics.DLQ) >= expected.dead.size());
            }

            List<String> emittedReadIds = readIds(topics);
            assertThat(emittedReadIds).hasSize(expected.emitted.size()).doesNotHaveDuplicates();
            assertThat(new HashSet<>(emittedReadIds)).isEqualTo(expected.emitted);
            assertThat(deadLetterKeys()).hasSize(expected.dead.size()).containsExactlyInAnyOrderElementsOf(expected.dead);
            assertThat(expected.total - emittedReadIds.size() - expected.dead.size()).isEqualTo(expected.suppressed);
        }
    }

    private record Expected(int total, Set<String> emitted, List<String> dead, int suppressed) {
    }

    private static org.apache.kafka.streams.Topology topology(AlprTopics topics) {
        return AlprTopology.build(TopologyConfig.defaults(), topics, new PipelineCounters());
    }

    private static void createTopics() throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec spec : AlprTopics.specs(TopicsConfig.defaults().withPartitions(3).keepingForever())) {
            topics.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()));
        }
        try (var admin = KAFKA.admin()) {
            admin.createTopics(topics).all().get();
        }
    }

    private static Expected produce(AlprTopics topics) throws Exception {
        Set<String> emitted = new HashSet<>();
        List<String> dead = new ArrayList<>();
        int total = 0;
        int suppressed = 0;
        Instant base = Instant.now().minus(Duration.ofHours(2));
        var serializer = topics.detectionsRaw().valueSerde().serializer();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int pass = 0; pass < PASSES; pass++) {
                String camera = "cam-" + pass % 10;
                Instant start = base.plusMillis(pass * 300L);
                for (int i = 0; i < CONFIDENCES.length; i++) {
                    String readId = "read-" + pass + "-" + i;
                    PlateRead read = PlateRead.newBuilder().setReadId(readId).setCameraId(camera)
                            .setCapturedAt(start.plusMillis(i * 50L)).setText(String.format("P%06d", pass))
                            .setConfidence(CONFIDENCES[i]).build();
                    send(producer, camera, serializer.serialize(AlprTopics.DETECTIONS_RAW, read));
                    total++;
                    if (EMITTING.contains(i)) {
                        emitted.add(readId);
                    } else {
                        suppressed++;
                    }
                }
                if (pass % 50 == 0) {
                    PlateRead invalid = PlateRead.newBuilder().setReadId("invalid-" + pass).setCameraId(camera)
                            .setCapturedAt(start).setText("A").setConfidence(0.9f).build();
                    String key = camera + "-invalid-" + pass;
                    send(producer, key, serializer.serialize(AlprTopics.DETECTIONS_RAW, invalid));
                    dead.add(key);
                    total++;
                }
                if (pass % 100 == 0) {
                    String key = camera + "-poison-" + pass;
                    send(producer, key, ("poison " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
                    dead.add(key);
                    total++;
                }
            }
            producer.flush();
        }
        return new Expected(total, emitted, dead, suppressed);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String key, byte[] value) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(AlprTopics.DETECTIONS_RAW, keyBytes, value));
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static long countCommitted(String topic) {
        return consumeAll(topic).size();
    }

    private static List<String> readIds(AlprTopics topics) {
        var deserializer = topics.platesEnriched().valueSerde().deserializer();
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumeAll(AlprTopics.PLATES_ENRICHED)) {
            PlateEvent event = deserializer.deserialize(AlprTopics.PLATES_ENRICHED, record.value());
            ids.add(event.getReadId());
        }
        return ids;
    }

    private static List<String> deadLetterKeys() {
        return consumeAll(AlprTopics.DLQ).stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    }

    private static List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }
}
