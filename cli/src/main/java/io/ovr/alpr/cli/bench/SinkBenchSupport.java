package io.ovr.alpr.cli.bench;

import io.ovr.alpr.devstack.EmbeddedKafkaBroker;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.sinks.core.SinkRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the sink benchmarks share: the topics, the backlog of events, and timing a sink through it. */
final class SinkBenchSupport {

    private SinkBenchSupport() {
    }

    /** A measured phase. */
    record Result(String name, long records, double seconds) {
        double perSecond() {
            return records / seconds;
        }
    }

    static void createTopics(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(
                    new NewTopic(AlprTopics.PLATES_ENRICHED, 3, (short) 1).configs(Map.of("retention.ms", "-1")),
                    new NewTopic(AlprTopics.ALERTS, 3, (short) 1), new NewTopic(AlprTopics.CAMERAS, 1, (short) 1),
                    new NewTopic(AlprTopics.DLQ, 3, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** Puts the events on {@code alpr.plates.enriched} (not timed: the backlog the sink drains). */
    static void produce(EmbeddedKafkaBroker broker, AlprTopics topics, List<PlateEvent> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        var serializer = topics.platesEnriched().valueSerde().serializer();
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (PlateEvent e : events) {
                producer.send(new ProducerRecord<>(AlprTopics.PLATES_ENRICHED, e.getNormalized(),
                        serializer.serialize(AlprTopics.PLATES_ENRICHED, e)));
            }
            producer.flush();
        }
    }

    /**
     * Starts the sink on the backlog and waits until it has committed {@code expected} records;
     * the time runs from the first records it received to its last commit (the group join before
     * is not the sink's throughput). Samples the heap meanwhile.
     */
    static Result drain(String name, SinkRunner sink, long expected, AtomicLong peakHeap) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        // heap in use above the level before the sink started, garbage included: an upper bound of what it holds
        try (sink) {
            sink.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (sink.progress().committedRecords() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not drain " + expected + " records in 30 min");
                }
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed() - baseline, Math::max);
                Thread.sleep(20);
            }
            SinkRunner.Progress p = sink.progress();
            return new Result(name, p.committedRecords(), (p.lastCommitNanos() - p.firstRecordNanos()) / 1e9);
        }
    }

    /**
     * Drains the backlog with {@code sink} (not timed) while forcing a GC every 250 ms and reading
     * the heap left in use: the most the sink holds live at once, above what was live before.
     */
    static long liveHeapMb(SinkRunner sink, long expected) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long max = 0;
        try (sink) {
            sink.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (sink.progress().committedRecords() < expected && System.nanoTime() < deadline) {
                Thread.sleep(250);
                System.gc();
                max = Math.max(max, memory.getHeapMemoryUsage().getUsed() - baseline);
            }
        }
        return Math.max(0, max) / (1024 * 1024);
    }

    /** The round with the median rate. */
    static Result median(List<Result> rounds) {
        List<Result> sorted = rounds.stream().sorted(java.util.Comparator.comparingDouble(Result::perSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    static Result timed(String name, long records, ThrowingRunnable body) throws Exception {
        long start = System.nanoTime();
        body.run();
        return new Result(name, records, (System.nanoTime() - start) / 1e9);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
