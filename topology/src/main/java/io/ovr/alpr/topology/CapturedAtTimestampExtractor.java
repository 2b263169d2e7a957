package io.ovr.alpr.topology;

import io.ovr.alpr.schema.PlateRead;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a read is {@code captured_at}, set at the edge. Records of other types (cameras,
 * hotlist entries) keep their record timestamp; a record without one takes the partition time.
 */
public final class CapturedAtTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof PlateRead read && read.getCapturedAt() != null) {
            return read.getCapturedAt().toEpochMilli();
        }
        long timestamp = record.timestamp();
        return timestamp >= 0 ? timestamp : Math.max(partitionTime, 0);
    }
}
