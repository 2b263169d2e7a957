package io.ovr.alpr.cli.demo;

import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A badly aimed camera of the demo: now and then it sends a read of one character (a plate cut off
 * at the frame's edge), which the topology rejects as {@code TOO_SHORT} into {@code alpr.dlq}, so
 * the console's dead-letter view and the DLQ counter show what a reject looks like.
 */
final class GarbledCamera implements AutoCloseable {

    static final String CAMERA_ID = "demo-garage-1";

    private final KafkaProducer<String, byte[]> producer;
    private final TopicDescriptor<String, PlateRead> reads;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alpr-demo-garbled-camera");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong sent = new AtomicLong();

    GarbledCamera(String bootstrapServers, AlprTopics topics, Duration every) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.CLIENT_ID_CONFIG, "alpr-demo-garbled-camera"),
                new StringSerializer(), new ByteArraySerializer());
        this.reads = topics.detectionsRaw();
        timer.scheduleAtFixedRate(this::send, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send() {
        long n = sent.incrementAndGet();
        PlateRead read = PlateRead.newBuilder().setReadId(UUID.randomUUID().toString()).setCameraId(CAMERA_ID)
                .setCapturedAt(Instant.now()).setFrameNumber(n).setText("7").setConfidence(0.9f).build();
        producer.send(new ProducerRecord<>(reads.name(), CAMERA_ID, reads.valueSerde().serializer()
                .serialize(reads.name(), read)));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
