package io.ovr.alpr.api.admin;

import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.HotlistEntry;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes administrative changes to their compacted topics: hotlist entries (key: normalized plate;
 * a tombstone deletes) and cameras (key: camera id). Every write returns only after the broker
 * acknowledged it (acks=all, idempotent producer), so an accepted change is not lost.
 */
public final class AdminWriter implements AutoCloseable {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;
    private final TopicDescriptor<String, HotlistEntry> hotlist;
    private final TopicDescriptor<String, Camera> cameras;

    public AdminWriter(String bootstrapServers, AlprTopics topics) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "alpr-admin-writer"),
                new StringSerializer(), new ByteArraySerializer());
        this.hotlist = topics.hotlist();
        this.cameras = topics.cameras();
    }

    public void putHotlist(HotlistEntry entry) {
        await(List.of(send(hotlist.name(), entry.getPlate(), hotlist.valueSerde().serializer()
                .serialize(hotlist.name(), entry))));
    }

    public void deleteHotlist(String normalizedPlate) {
        await(List.of(send(hotlist.name(), normalizedPlate, null)));
    }

    /** Writes every entry; returns once all are acknowledged, throws if any is not. */
    public void putHotlist(List<HotlistEntry> entries) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(entries.size());
        for (HotlistEntry entry : entries) {
            sent.add(send(hotlist.name(), entry.getPlate(), hotlist.valueSerde().serializer()
                    .serialize(hotlist.name(), entry)));
        }
        producer.flush();
        await(sent);
    }

    public void putCamera(Camera camera) {
        await(List.of(send(cameras.name(), camera.getCameraId(), cameras.valueSerde().serializer()
                .serialize(cameras.name(), camera))));
    }

    private Future<RecordMetadata> send(String topic, String key, byte[] value) {
        return producer.send(new ProducerRecord<>(topic, key, value));
    }

    private static void await(List<Future<RecordMetadata>> sent) {
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriteFailedException("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new WriteFailedException("the broker did not accept the write: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new WriteFailedException("the broker did not acknowledge within " + ACK_TIMEOUT.toSeconds() + " s", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** A change that the broker did not acknowledge; nothing can be assumed written. */
    public static final class WriteFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        WriteFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
