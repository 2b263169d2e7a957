package io.ovr.alpr.topology.errors;

import io.ovr.alpr.serdes.topics.AlprTopics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds dead-letter records: the source record's original key and value bytes, its headers, and
 * {@code alpr.reject.reason} / {@code alpr.reject.detail} plus where it came from.
 */
final class DeadLetters {

    static final String SOURCE_TOPIC_HEADER = "alpr.source.topic";
    static final String SOURCE_PARTITION_HEADER = "alpr.source.partition";
    static final String SOURCE_OFFSET_HEADER = "alpr.source.offset";
    private static final int MAX_DETAIL = 1_000;

    private DeadLetters() {
    }

    static String topic(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return topic == null ? AlprTopics.DLQ : topic.toString();
    }

    static List<ProducerRecord<byte[], byte[]>> record(String dlqTopic, ErrorHandlerContext context, byte[] key,
                                                       byte[] value, String reason, String detail) {
        Headers headers = new RecordHeaders();
        if (context.headers() != null) {
            context.headers().forEach(h -> {
                if (!h.key().startsWith("alpr.reject.")) {
                    headers.add(h);
                }
            });
        }
        headers.add(AlprTopics.REJECT_REASON_HEADER, utf8(reason));
        headers.add(AlprTopics.REJECT_DETAIL_HEADER, utf8(truncate(detail)));
        headers.add(SOURCE_TOPIC_HEADER, utf8(String.valueOf(context.topic())));
        headers.add(SOURCE_PARTITION_HEADER, utf8(Integer.toString(context.partition())));
        headers.add(SOURCE_OFFSET_HEADER, utf8(Long.toString(context.offset())));
        return List.of(new ProducerRecord<>(dlqTopic, null, context.timestamp(), key, value, headers));
    }

    private static String truncate(String detail) {
        String text = detail == null ? "" : detail;
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
