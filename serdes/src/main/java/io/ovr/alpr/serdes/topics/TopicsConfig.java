package io.ovr.alpr.serdes.topics;

import java.time.Duration;
import java.util.Optional;

/**
 * Sizing of the topics: partitions of the keyed streams, replication factor, and how long raw
 * input, enriched events, alerts and dead letters are kept. A retention of zero keeps records
 * forever (tests and replays of old event times need that).
 */
public record TopicsConfig(int partitions, short replicationFactor, Duration rawRetention,
                           Duration enrichedRetention, Duration alertRetention, Duration dlqRetention) {

    public TopicsConfig {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be >= 1, was " + replicationFactor);
        }
    }

    /** Development defaults: 6 partitions, replication 1, raw 7 d, enriched 30 d, alerts 90 d, DLQ 14 d. */
    public static TopicsConfig defaults() {
        return new TopicsConfig(6, (short) 1, Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90),
                Duration.ofDays(14));
    }

    /** No retention limit on any topic. */
    public TopicsConfig keepingForever() {
        return new TopicsConfig(partitions, replicationFactor, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ZERO);
    }

    /** The retention of a topic: empty (forever) for a zero or negative duration. */
    Optional<Duration> retention(Duration configured) {
        return configured.isZero() || configured.isNegative() ? Optional.empty() : Optional.of(configured);
    }

    public TopicsConfig withPartitions(int count) {
        return new TopicsConfig(count, replicationFactor, rawRetention, enrichedRetention, alertRetention,
                dlqRetention);
    }

    public TopicsConfig withReplicationFactor(short factor) {
        return new TopicsConfig(partitions, factor, rawRetention, enrichedRetention, alertRetention, dlqRetention);
    }
}
