package io.ovr.alpr.cli.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import io.ovr.alpr.topology.StreamsSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The clients of a benchmark round. The pass-through gets the batching, compression and fetch
 * settings the Streams application's own producer and consumer get, so the two sides are not
 * tuned differently; the latency probe sends like an edge, each read at once.
 */
record BenchClients(String bootstrap, Map<String, Object> producerSettings, Map<String, Object> consumerSettings) {

    private static final List<String> PRODUCER_KEYS = List.of(ProducerConfig.LINGER_MS_CONFIG,
            ProducerConfig.BATCH_SIZE_CONFIG, ProducerConfig.COMPRESSION_TYPE_CONFIG,
            ProducerConfig.BUFFER_MEMORY_CONFIG, ProducerConfig.ACKS_CONFIG);
    private static final List<String> CONSUMER_KEYS = List.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            ConsumerConfig.FETCH_MIN_BYTES_CONFIG, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
            ConsumerConfig.FETCH_MAX_BYTES_CONFIG, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG);

    static BenchClients likeStreams(StreamsSettings settings) {
        StreamsConfig streams = new StreamsConfig(settings.toProperties());
        return new BenchClients(settings.bootstrapServers(),
                pick(streams.getProducerConfigs("bench"), PRODUCER_KEYS),
                pick(streams.getMainConsumerConfigs("bench", "bench", 0), CONSUMER_KEYS));
    }

    /** A producer with the Streams application's batching and compression. */
    KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.putAll(producerSettings);
        return producer(props);
    }

    /** A producer like an edge's: it sends each read at once, so a probe times only the side under test. */
    KafkaProducer<byte[], byte[]> edgeProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return producer(props);
    }

    /** Settings of a {@code read_committed} consumer with the Streams application's fetch settings. */
    Properties consumer(String group) {
        Properties props = new Properties();
        props.putAll(consumerSettings);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    Map<String, Object> admin() {
        return Map.of("bootstrap.servers", bootstrap);
    }

    /**
     * The broker pass-through: copies {@code from} to {@code to} with these clients' settings,
     * committing each poll's offsets once its records are written, until {@code stop} is set.
     */
    void copy(String group, String from, String to, AtomicBoolean stop) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumer(group),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = producer()) {
            consumer.subscribe(List.of(from));
            while (!stop.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(20));
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    producer.send(new ProducerRecord<>(to, record.key(), record.value()));
                    offsets.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                if (!offsets.isEmpty()) {
                    producer.flush();
                    consumer.commitAsync(offsets, null);
                }
            }
        }
    }

    private KafkaProducer<byte[], byte[]> producer(Properties props) {
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> pick(Map<String, Object> from, List<String> keys) {
        Map<String, Object> picked = new HashMap<>();
        keys.stream().filter(from::containsKey).forEach(k -> picked.put(k, from.get(k)));
        return picked;
    }
}
