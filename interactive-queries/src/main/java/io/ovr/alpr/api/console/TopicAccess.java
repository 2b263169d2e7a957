package io.ovr.alpr.api.console;

import io.ovr.alpr.serdes.topics.AlprTopics;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How the API reads topics directly (the live feed, the dead-letter view): the cluster and the
 * topic descriptors. Consumers made here are assigned partitions by hand, join no group and commit
 * nothing, so they never disturb the application's own consumers.
 */
public record TopicAccess(String bootstrapServers, AlprTopics topics) {

    public TopicAccess {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topics, "topics");
    }

    KafkaConsumer<byte[], byte[]> consumer(String clientId) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
