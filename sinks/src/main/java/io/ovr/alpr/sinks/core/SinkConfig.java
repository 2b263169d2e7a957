package io.ovr.alpr.sinks.core;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How a sink consumes: its consumer group and topics, batches by size and time, and the backoff
 * while its target is unavailable.
 *
 * @param maxBatch records written at most per batch (also {@code max.poll.records}): bounds memory
 * @param linger how long a partial batch waits for more records before it is written
 * @param initialBackoff first wait after a failed write; doubles up to {@code maxBackoff}
 * @param consumerOverrides extra consumer properties
 */
public record SinkConfig(String name, String bootstrapServers, String groupId, List<String> topics, int maxBatch,
                         Duration linger, Duration initialBackoff, Duration maxBackoff,
                         Map<String, String> consumerOverrides) {

    public SinkConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(groupId, "groupId");
        topics = List.copyOf(topics);
        consumerOverrides = Map.copyOf(consumerOverrides);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a sink needs at least one topic");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("max batch must be >= 1, was " + maxBatch);
        }
    }

    /** Defaults: batches of 5,000 records or 500 ms, backoff 200 ms doubling to 10 s. */
    public static SinkConfig of(String name, String bootstrapServers, String groupId, List<String> topics) {
        return new SinkConfig(name, bootstrapServers, groupId, topics, 5_000, Duration.ofMillis(500),
                Duration.ofMillis(200), Duration.ofSeconds(10), Map.of());
    }

    public SinkConfig withBatch(int records, Duration wait) {
        return new SinkConfig(name, bootstrapServers, groupId, topics, records, wait, initialBackoff, maxBackoff,
                consumerOverrides);
    }

    public SinkConfig withBackoff(Duration initial, Duration max) {
        return new SinkConfig(name, bootstrapServers, groupId, topics, maxBatch, linger, initial, max,
                consumerOverrides);
    }

    public SinkConfig withConsumerOverrides(Map<String, String> overrides) {
        return new SinkConfig(name, bootstrapServers, groupId, topics, maxBatch, linger, initialBackoff, maxBackoff,
                overrides);
    }

    /** Consumer properties: manual commits, read_committed, earliest, byte-array records. */
    Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "alpr-sink-" + name);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatch);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.putAll(consumerOverrides);
        return props;
    }
}
