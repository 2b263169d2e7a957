package io.ovr.alpr.cli.load;

import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.topics.AlprTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What a test sent and what the pipeline made of it: the read ids of each predicted fate, and the
 * read ids found on {@code alpr.plates.enriched} and {@code alpr.dlq} (committed records only).
 */
final class ReadLedger {

    private final Set<String> enriched = new HashSet<>();
    private final Set<String> dead = new HashSet<>();
    private long suppressed;
    private long total;

    synchronized void sent(RealisticReads.Read read) {
        total++;
        switch (read.fate()) {
            case ENRICHED -> enriched.add(read.read().getReadId());
            case DEAD -> dead.add(read.read().getReadId());
            default -> suppressed++;
        }
    }

    synchronized Set<String> expectedEnriched() {
        return Set.copyOf(enriched);
    }

    synchronized Set<String> expectedDead() {
        return Set.copyOf(dead);
    }

    synchronized long expectedSuppressed() {
        return suppressed;
    }

    synchronized long total() {
        return total;
    }

    /** Read ids of every committed enriched event, duplicates kept. */
    static List<String> enrichedReadIds(String bootstrap, AlprTopics topics) {
        Deserializer<PlateEvent> events = topics.platesEnriched().valueSerde().deserializer();
        return consumeAll(bootstrap, AlprTopics.PLATES_ENRICHED).stream()
                .map(r -> events.deserialize(AlprTopics.PLATES_ENRICHED, r.value()).getReadId()).toList();
    }

    /** Read ids of every committed dead letter that is a decodable read, duplicates kept. */
    static List<String> deadReadIds(String bootstrap, AlprTopics topics) {
        Deserializer<PlateRead> reads = topics.detectionsRaw().valueSerde().deserializer();
        return consumeAll(bootstrap, AlprTopics.DLQ).stream()
                .map(r -> reads.deserialize(AlprTopics.DETECTIONS_RAW, r.value()).getReadId()).toList();
    }

    /**
     * Whether {@code group} has committed every committed record of {@code topics} (their partitions
     * all present in its offsets): nothing left for it to process.
     */
    static boolean caughtUp(String bootstrap, String group, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (var description : admin.describeTopics(List.of(topics)).allTopicNames().get().values()) {
                description.partitions().forEach(p -> ends.put(new TopicPartition(description.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            var offsets = admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            return offsets.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                    || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset());
        }
    }

    static List<ConsumerRecord<byte[], byte[]>> consumeAll(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }
}
