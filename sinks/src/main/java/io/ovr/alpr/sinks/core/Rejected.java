package io.ovr.alpr.sinks.core;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record that can never be written, with a reason code ({@code alpr.reject.reason}) and a detail.
 */
public record Rejected(ConsumerRecord<byte[], byte[]> record, String reason, String detail) {

    /** The value bytes could not be decoded. */
    public static final String DESERIALIZATION_ERROR = "DESERIALIZATION_ERROR";
    /** The target refused the record itself (constraint, type or mapping error). */
    public static final String WRITE_REJECTED = "SINK_WRITE_REJECTED";
    /** The record is decodable but breaks a contract the sink relies on (e.g. event_id not a UUID). */
    public static final String INVALID_RECORD = "SINK_INVALID_RECORD";
    /** An alert could not be delivered on a channel after the last retry. */
    public static final String DELIVERY_FAILED = "ALERT_DELIVERY_FAILED";
}
