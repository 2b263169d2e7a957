package io.ovr.alpr.edge.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import io.ovr.alpr.sinks.objectstore.ObjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The publishing side of an edge process, wired: an idempotent Kafka producer, the topic
 * descriptors with the registry-backed Avro serdes, the object store for images, the on-disk
 * spool and the {@link Publisher} draining it. Closing it drains what it can and closes all.
 */
public final class EdgePublishing implements AutoCloseable {

    /**
     * Settings.
     *
     * @param bootstrapServers Kafka bootstrap servers
     * @param spoolDir where the spool keeps unsent entries
     * @param spoolMaxBytes the most the spool may hold
     * @param autoRegister register schemas on first use (off in production, where
     *     {@code alpr admin schemas register} does it)
     * @param drainOnClose how long closing waits for the spool to empty
     */
    public record Config(String bootstrapServers, Path spoolDir, long spoolMaxBytes, boolean autoRegister,
                         Duration drainOnClose) {
    }

    private final Producer<String, byte[]> producer;
    private final KafkaClientMetrics clientMetrics;
    private final Publisher publisher;
    private final Duration drainOnClose;

    private EdgePublishing(Producer<String, byte[]> producer, KafkaClientMetrics clientMetrics, Publisher publisher,
                           Duration drainOnClose) {
        this.producer = producer;
        this.clientMetrics = clientMetrics;
        this.publisher = publisher;
        this.drainOnClose = drainOnClose;
    }

    public static EdgePublishing start(Config config, SchemaRegistryClient registry, ObjectStore store,
                                       MeterRegistry meters) throws IOException {
        Producer<String, byte[]> producer = idempotentProducer(config.bootstrapServers());
        KafkaClientMetrics clientMetrics = new KafkaClientMetrics(producer);
        clientMetrics.bindTo(meters);
        AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), registry,
                SerdeOptions.values().withAutoRegister(config.autoRegister()));
        Spool spool = Spool.open(config.spoolDir(), config.spoolMaxBytes(), Math.min(64L << 20, config.spoolMaxBytes() / 4 + 1),
                true);
        Publisher publisher = new Publisher(spool, producer, topics,
                (key, bytes, type) -> store.put(key, bytes, type, Map.of()), meters, Publisher.Config.defaults());
        return new EdgePublishing(producer, clientMetrics, publisher, config.drainOnClose());
    }

    /** Acks from all in-sync replicas, idempotence, ordered retries, bounded blocking when Kafka is away. */
    static Producer<String, byte[]> idempotentProducer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "alpr-edge",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    public Publisher publisher() {
        return publisher;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            publisher.close(drainOnClose);
        } finally {
            clientMetrics.close();
            producer.close(Duration.ofSeconds(5));
        }
    }
}
