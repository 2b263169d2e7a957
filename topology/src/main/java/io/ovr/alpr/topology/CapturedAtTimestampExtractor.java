package io.ovr.alpr.topology;

import io.ovr.alpr.schema.PlateRead;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a read is {@code captured_at}, set at the edge. Records of other types (cameras,
 * hotlist entries) keep their record timestamp; a record without one takes the partition time.
 *
 * <p>A {@code captured_at} that is negative or lies more than {@link #MAX_AHEAD} ahead of the wall
 * clock is not trusted as event time: such a read is rejected by validation anyway, and its time
 * would otherwise move the partition's stream time into the future (closing every open pass and
 * window of the partition) and stamp its dead letter with a time the broker refuses
 * ({@code message.timestamp.after.max.ms}), which would stop the stream thread on every retry.
 * It takes the partition time instead, so a rejected read moves nothing (as does a null value); the first record of a
 * partition has none yet and takes its record timestamp (when that is sane).
 */
public final class CapturedAtTimestampExtractor implements TimestampExtractor {

    /** The validator's default clock skew: reads further ahead are {@code FUTURE_TIMESTAMP} rejects. */
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long limit = System.currentTimeMillis() + MAX_AHEAD.toMillis();
        if (record.value() instanceof PlateRead read && read.getCapturedAt() != null) {
            long capturedAt = read.getCapturedAt().toEpochMilli();
            if (capturedAt >= 0 && capturedAt <= limit) {
                return capturedAt;
            }
            if (partitionTime >= 0) {
                return partitionTime;
            }
        } else if (record.value() == null && partitionTime >= 0) {
            return partitionTime; // a tombstone carries no event time
        }
        long timestamp = record.timestamp();
        return timestamp >= 0 && timestamp <= limit ? timestamp : Math.max(partitionTime, 0);
    }
}
