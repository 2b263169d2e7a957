package io.ovr.alpr.topology.errors;

import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.DeadLetterHeaders;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds dead-letter records: the source record's original key and value bytes, its headers, and
 * {@code alpr.reject.reason} / {@code alpr.reject.detail} plus where it came from
 * ({@link DeadLetterHeaders}).
 */
final class DeadLetters {

    private DeadLetters() {
    }

    static String topic(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return topic == null ? AlprTopics.DLQ : topic.toString();
    }

    static List<ProducerRecord<byte[], byte[]>> record(String dlqTopic, ErrorHandlerContext context, byte[] key,
                                                       byte[] value, String reason, String detail) {
        return List.of(new ProducerRecord<>(dlqTopic, null, context.timestamp(), key, value,
                DeadLetterHeaders.of(context.headers(), reason, detail, context.topic(), context.partition(),
                        context.offset())));
    }
}
