package io.ovr.alpr.api.console;

import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/**
 * The newest records of {@code alpr.dlq} with why they are there: a short-lived consumer reads the
 * last {@code limit} records of every partition and returns the newest {@code limit} overall. The
 * payload itself is never returned (it may hold plate data), only its size and key.
 */
public final class DeadLetterReader {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final int MAX_KEY = 64;

    /** One dead letter as the console lists it. */
    public record DeadLetter(String reason, String detail, String sourceTopic, String sourcePartition,
                             String sourceOffset, int partition, long offset, Instant timestamp, String key,
                             int valueBytes) {
    }

    private final TopicAccess access;

    public DeadLetterReader(TopicAccess access) {
        this.access = access;
    }

    /** The newest {@code limit} dead letters, newest first; fewer when the deadline passes first. */
    public List<DeadLetter> newest(int limit) {
        try (KafkaConsumer<byte[], byte[]> consumer = access.consumer("alpr-api-dlq-reader")) {
            List<TopicPartition> partitions = consumer.partitionsFor(AlprTopics.DLQ, DEADLINE).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<TopicPartition> pending = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - limit));
                if (end.get(tp) > begin.get(tp)) {
                    pending.add(tp);
                }
            }
            List<DeadLetter> found = new ArrayList<>();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    found.add(of(r));
                }
                // a partition is done once its position reached the end (transaction markers included)
                pending.removeIf(tp -> consumer.position(tp) >= end.get(tp));
            }
            return found.stream().sorted(Comparator.comparing(DeadLetter::timestamp).reversed()
                    .thenComparing(DeadLetter::offset, Comparator.reverseOrder())).limit(limit).toList();
        }
    }

    private static DeadLetter of(ConsumerRecord<byte[], byte[]> r) {
        Headers h = r.headers();
        return new DeadLetter(orElse(DeadLetterHeaders.value(h, AlprTopics.REJECT_REASON_HEADER), "UNKNOWN"),
                DeadLetterHeaders.value(h, AlprTopics.REJECT_DETAIL_HEADER),
                DeadLetterHeaders.value(h, DeadLetterHeaders.SOURCE_TOPIC_HEADER),
                DeadLetterHeaders.value(h, DeadLetterHeaders.SOURCE_PARTITION_HEADER),
                DeadLetterHeaders.value(h, DeadLetterHeaders.SOURCE_OFFSET_HEADER), r.partition(), r.offset(),
                Instant.ofEpochMilli(r.timestamp()), key(r.key()), r.value() == null ? 0 : r.value().length);
    }

    private static String key(byte[] key) {
        if (key == null) {
            return null;
        }
        String text = new String(key, StandardCharsets.UTF_8);
        boolean printable = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        String shown = printable ? text : "0x" + HexFormat.of().formatHex(key);
        return shown.length() <= MAX_KEY ? shown : shown.substring(0, MAX_KEY) + "...";
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
