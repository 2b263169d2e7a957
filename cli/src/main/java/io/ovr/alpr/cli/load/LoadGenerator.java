package io.ovr.alpr.cli.load;

import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.HotlistEntry;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.topics.AlprTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Sends {@link RealisticReads} to {@code alpr.detections.raw} at a fixed rate (each read due at its
 * slot whatever the broker does, captured at its send time), optionally after registering the
 * cameras and the hotlist they refer to. Counts what it sent by predicted fate.
 */
public final class LoadGenerator implements AutoCloseable {

    /** What a run sent. */
    public record Sent(long reads, Map<RealisticReads.Fate, Long> byFate, long hotlisted, long misread,
                       long sendErrors, double seconds) {

        public double rate() {
            return reads / Math.max(1e-9, seconds);
        }
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final AlprTopics topics;
    private final Serializer<PlateRead> reads;
    private final AtomicReference<Exception> sendError = new AtomicReference<>();

    public LoadGenerator(String bootstrapServers, AlprTopics topics) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topics = topics;
        this.reads = topics.detectionsRaw().valueSerde().serializer();
    }

    /** Puts the generator's cameras on {@code alpr.cameras} and its hotlist on {@code alpr.hotlist}. */
    public void registerWorld(RealisticReads generator) {
        Serializer<Camera> cameras = topics.cameras().valueSerde().serializer();
        Serializer<HotlistEntry> hotlist = topics.hotlist().valueSerde().serializer();
        for (Camera camera : generator.cameras()) {
            producer.send(new ProducerRecord<>(AlprTopics.CAMERAS, bytes(camera.getCameraId()),
                    cameras.serialize(AlprTopics.CAMERAS, camera)));
        }
        for (HotlistEntry entry : generator.hotlist()) {
            producer.send(new ProducerRecord<>(AlprTopics.HOTLIST, bytes(entry.getPlate()),
                    hotlist.serialize(AlprTopics.HOTLIST, entry)));
        }
        producer.flush();
    }

    /**
     * Sends {@code rate} reads/s until {@code duration} has passed or {@code stop} is set, giving each
     * read to {@code onRead} just before it is handed to the producer; flushes before returning.
     */
    public Sent run(RealisticReads generator, int rate, Duration duration, AtomicBoolean stop,
                    Consumer<RealisticReads.Read> onRead) {
        Map<RealisticReads.Fate, Long> byFate = new EnumMap<>(RealisticReads.Fate.class);
        long hotlisted = 0;
        long misread = 0;
        long interval = 1_000_000_000L / Math.max(1, rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long n = 0;
        while (!stop.get()) {
            long due = start + n * interval;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            RealisticReads.Read read = generator.next(Instant.now());
            onRead.accept(read);
            producer.send(new ProducerRecord<>(AlprTopics.DETECTIONS_RAW, bytes(read.key()),
                    reads.serialize(AlprTopics.DETECTIONS_RAW, read.read())), (metadata, error) -> {
                        if (error != null) {
                            sendError.compareAndSet(null, error);
                        }
                    });
            byFate.merge(read.fate(), 1L, Long::sum);
            hotlisted += read.hotlisted() ? 1 : 0;
            misread += read.misread() ? 1 : 0;
            n++;
        }
        producer.flush();
        if (sendError.get() != null) {
            throw new IllegalStateException("reads could not be sent", sendError.get());
        }
        return new Sent(n, byFate, hotlisted, misread, 0, (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        producer.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
