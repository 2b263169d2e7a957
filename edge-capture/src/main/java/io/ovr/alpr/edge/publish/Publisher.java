package io.ovr.alpr.edge.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ovr.alpr.schema.FrameCaptured;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what the edge saw: every {@link Outgoing} goes first to the on-disk {@link Spool}, and
 * one sender thread drains the spool in order: images to the object store, then the event to
 * Kafka (idempotent producer, acknowledged before the entry leaves the spool). While Kafka, the
 * registry or the object store is unreachable, entries wait in the spool and the sender retries
 * with exponential backoff, so nothing is lost and order is kept. A crash between the broker's
 * acknowledgement and the spool commit re-sends that batch on restart (at least once; events
 * carry ids for downstream idempotence).
 */
public final class Publisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    /** Where images go (the object store in production). */
    @FunctionalInterface
    public interface ImageStore {
        void put(String key, byte[] bytes, String contentType) throws Exception;
    }

    /**
     * Settings.
     *
     * @param batchSize entries sent per round
     * @param minBackoff first wait after a failed round
     * @param maxBackoff longest wait between retries
     */
    public record Config(int batchSize, Duration minBackoff, Duration maxBackoff) {

        public static Config defaults() {
            return new Config(64, Duration.ofMillis(200), Duration.ofSeconds(30));
        }
    }

    private final Spool spool;
    private final Producer<String, byte[]> producer;
    private final TopicDescriptor<String, PlateRead> reads;
    private final TopicDescriptor<String, FrameCaptured> frames;
    private final ImageStore images;
    private final Config config;
    private final Counter published;
    private final Counter failures;
    private final Counter dropped;
    private final Thread sender;
    private volatile boolean running = true;
    private volatile boolean connected = true;

    public Publisher(Spool spool, Producer<String, byte[]> producer, AlprTopics topics, ImageStore images,
                     MeterRegistry meters, Config config) {
        this.spool = spool;
        this.producer = producer;
        this.reads = topics.detectionsRaw();
        this.frames = topics.framesRaw();
        this.images = images;
        this.config = config;
        this.published = meters.counter("alpr.edge.published");
        this.failures = meters.counter("alpr.edge.publish.failures");
        this.dropped = meters.counter("alpr.edge.spool.dropped");
        meters.gauge("alpr.edge.spool.pending", spool, Spool::pending);
        meters.gauge("alpr.edge.spool.bytes", spool, Spool::sizeBytes);
        this.sender = new Thread(this::drainLoop, "edge-publisher");
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Queues an entry. A {@code mustKeep} entry (a read, a frame with a plate) waits for room when
     * the spool is full; any other (a sampled frame) is dropped then, and counted.
     *
     * @return whether the entry was queued
     */
    public boolean submit(Outgoing entry, boolean mustKeep) throws InterruptedException {
        byte[] bytes = entry.encode();
        try {
            if (mustKeep) {
                while (!spool.append(bytes, 5_000)) {
                    LOG.warn("spool full ({} entries, {} bytes): waiting for the sender", spool.pending(),
                            spool.sizeBytes());
                }
                return true;
            }
            boolean queued = spool.tryAppend(bytes);
            if (!queued) {
                dropped.increment();
            }
            return queued;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the last round reached Kafka and the object store. */
    public boolean connected() {
        return connected;
    }

    /** Entries not yet sent. */
    public long pending() {
        return spool.pending();
    }

    /** Waits until every queued entry is sent; false on timeout. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (spool.pending() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private void drainLoop() {
        long backoff = config.minBackoff().toMillis();
        while (running || spool.pending() > 0) {
            try {
                if (!spool.awaitEntries(200)) {
                    continue;
                }
                sendRound(spool.peek(config.batchSize()));
                if (!connected) {
                    LOG.info("publishing again; {} entries left in the spool", spool.pending());
                }
                connected = true;
                backoff = config.minBackoff().toMillis();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.increment();
                if (connected) {
                    LOG.warn("publishing failed ({}); keeping entries in the spool and retrying", e.toString());
                }
                connected = false;
                if (!running) {
                    return;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(config.maxBackoff().toMillis(), backoff * 2);
            }
        }
    }

    private void sendRound(List<Spool.Entry> entries) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(entries.size());
        for (Spool.Entry e : entries) {
            Outgoing o = Outgoing.decode(e.bytes());
            for (Outgoing.Image img : o.images()) {
                images.put(img.key(), img.bytes(), img.contentType());
            }
            acks.add(producer.send(record(o)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (ExecutionException ex) {
                throw ex.getCause() instanceof Exception c ? c : ex;
            }
        }
        spool.commit(entries.get(entries.size() - 1).sequence());
        published.increment(entries.size());
    }

    private ProducerRecord<String, byte[]> record(Outgoing o) {
        SpecificRecord event = o.event();
        if (event instanceof PlateRead r) {
            return new ProducerRecord<>(reads.name(), o.cameraId(), reads.valueSerde().serializer().serialize(reads.name(), r));
        }
        FrameCaptured f = (FrameCaptured) event;
        return new ProducerRecord<>(frames.name(), o.cameraId(), frames.valueSerde().serializer().serialize(frames.name(), f));
    }

    /**
     * Stops taking entries and gives the sender up to {@code drain} to send what is queued;
     * anything left stays in the spool for the next start.
     */
    public void close(Duration drain) throws InterruptedException {
        awaitDrained(drain);
        running = false;
        sender.interrupt();
        sender.join(10_000);
        spool.close();
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(30));
    }
}
