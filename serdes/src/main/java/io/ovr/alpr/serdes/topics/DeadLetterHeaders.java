package io.ovr.alpr.serdes.topics;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The header convention of {@code alpr.dlq}, shared by the topology's exception handlers and the
 * sinks: the original headers (minus earlier rejection headers), {@code alpr.reject.reason} (a
 * code), {@code alpr.reject.detail} (human-readable, truncated) and where the record came from.
 */
public final class DeadLetterHeaders {

    public static final String SOURCE_TOPIC_HEADER = "alpr.source.topic";
    public static final String SOURCE_PARTITION_HEADER = "alpr.source.partition";
    public static final String SOURCE_OFFSET_HEADER = "alpr.source.offset";
    private static final int MAX_DETAIL = 1_000;

    private DeadLetterHeaders() {
    }

    /**
     * The headers of a dead letter.
     *
     * @param original the source record's headers, or null
     */
    public static Headers of(Iterable<Header> original, String reason, String detail, String topic, int partition,
                             long offset) {
        Headers headers = new RecordHeaders();
        if (original != null) {
            original.forEach(h -> {
                if (!h.key().startsWith("alpr.reject.")) {
                    headers.add(h);
                }
            });
        }
        headers.add(AlprTopics.REJECT_REASON_HEADER, utf8(reason));
        headers.add(AlprTopics.REJECT_DETAIL_HEADER, utf8(truncate(detail)));
        headers.add(SOURCE_TOPIC_HEADER, utf8(String.valueOf(topic)));
        headers.add(SOURCE_PARTITION_HEADER, utf8(Integer.toString(partition)));
        headers.add(SOURCE_OFFSET_HEADER, utf8(Long.toString(offset)));
        return headers;
    }

    /** The value of header {@code key} as UTF-8, or null. */
    public static String value(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String truncate(String detail) {
        String text = detail == null ? "" : detail;
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
