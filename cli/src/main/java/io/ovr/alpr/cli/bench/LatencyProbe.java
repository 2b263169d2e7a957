package io.ovr.alpr.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Read-to-output latency at a fixed rate, measured the same way for every side: a producer sends
 * reads at the rate, each with an id; a {@code read_committed} consumer, positioned at the end of
 * the output topic before the first send, times each id from its send to its arrival.
 */
final class LatencyProbe {

    /** Extracts the read id from an output record. */
    @FunctionalInterface
    interface IdOf {
        String of(byte[] key, byte[] value);
    }

    /** One probe read: its id and the record that carries it. */
    record Probe(String id, ProducerRecord<byte[], byte[]> record) {
    }

    private static final Duration DRAIN = Duration.ofSeconds(30);


    private LatencyProbe() {
    }

    static Latencies measure(Properties consumerProps, KafkaProducer<byte[], byte[]> producer, String outTopic,
                             int rate, Duration length, IntFunction<Probe> probeOf, IdOf idOf)
            throws InterruptedException {
        int count = (int) (rate * length.toMillis() / 1000);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        Properties props = new Properties();
        props.putAll(consumerProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(outTopic).stream()
                    .map(p -> new TopicPartition(outTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread sender = new Thread(() -> send(producer, rate, count, probeOf, sentAt), "bench-latency-sender");
            sender.start();
            long deadline = Long.MAX_VALUE;
            while (latencies.count() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                    Long sent = sentAt.remove(idOf.of(record.key(), record.value()));
                    if (sent != null) {
                        latencies.add((System.nanoTime() - sent) / 1_000_000);
                    }
                }
                if (deadline == Long.MAX_VALUE && !sender.isAlive()) {
                    deadline = System.nanoTime() + DRAIN.toNanos();
                }
            }
            sender.join();
        }
        return latencies;
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, int rate, int count, IntFunction<Probe> probeOf,
                             Map<String, Long> sentAt) {
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < count; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Probe probe = probeOf.apply(i);
            sentAt.put(probe.id(), System.nanoTime());
            producer.send(probe.record());
        }
        producer.flush();
    }
}
