package io.ovr.alpr.sinks.core;

import io.ovr.alpr.serdes.topics.DeadLetterHeaders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends rejected records to the dead-letter topic with their original key, value and headers plus
 * the reason headers ({@link DeadLetterHeaders}), and waits until the broker has them: a sink
 * commits its offsets only after its dead letters are safe.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public DeadLetterPublisher(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** An idempotent producer with {@code acks=all} to {@code topic}. */
    public static DeadLetterPublisher create(String bootstrapServers, String topic, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new DeadLetterPublisher(new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()),
                topic);
    }

    public String topic() {
        return topic;
    }

    /**
     * Publishes every rejected record and returns when all are acknowledged.
     *
     * @throws TargetUnavailableException when the broker does not acknowledge them in 60 s
     */
    public void publish(List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(rejected.size());
        for (Rejected r : rejected) {
            var source = r.record();
            sent.add(producer.send(new ProducerRecord<>(topic, null, source.timestamp(), source.key(), source.value(),
                    DeadLetterHeaders.of(source.headers(), r.reason(), r.detail(), source.topic(), source.partition(),
                            source.offset()))));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetUnavailableException("interrupted while publishing dead letters", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TargetUnavailableException("dead letters not acknowledged by " + topic + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
