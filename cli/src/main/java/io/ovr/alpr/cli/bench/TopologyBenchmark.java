package io.ovr.alpr.cli.bench;

import io.ovr.alpr.devstack.BrokerConfig;
import io.ovr.alpr.devstack.EmbeddedKafkaBroker;
import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicSpec;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import io.ovr.alpr.topology.AlprTopology;
import io.ovr.alpr.topology.StreamsSettings;
import io.ovr.alpr.topology.TopologyConfig;
import io.ovr.alpr.topology.runner.StreamsRunner;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code alpr bench topology}: the real topology (exactly_once_v2) against a plain
 * consumer-to-producer pass-through on the same embedded broker, in one run: sustained reads/s
 * on a backlog of N reads, and p50/p99 read-to-output latency at a fixed rate.
 */
public final class TopologyBenchmark {

    /** One side of the comparison. */
    public record Result(String name, long reads, double readsPerSecond, long p50Ms, long p99Ms, int samples) {
    }

    /** Both sides and the ratio of sustained rates. */
    public record Report(Result passThrough, Result topology) {

        public double ratio() {
            return topology.readsPerSecond() / passThrough.readsPerSecond();
        }
    }

    private static final int PARTITIONS = 3;
    private static final String PASS_IN = "bench.passthrough.in";
    private static final String PASS_OUT = "bench.passthrough.out";

    private final int reads;
    private final int rate;
    private final Duration latencyPhase;
    private final PrintWriter out;

    public TopologyBenchmark(int reads, int rate, Duration latencyPhase, PrintWriter out) {
        this.reads = reads;
        this.rate = rate;
        this.latencyPhase = latencyPhase;
        this.out = out;
    }

    public Report run() throws Exception {
        Path dir = Files.createTempDirectory("alpr-bench-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerConfig.forTests()
                .withDataDir(dir.resolve("kafka")));
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0)) {
            AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                    RegistryClientConfig.of(registry.url())), SerdeOptions.values());
            String bootstrap = broker.bootstrapServers();
            createTopics(bootstrap);
            Function<PlateRead, byte[]> serialize = r -> topics.detectionsRaw().valueSerde().serializer()
                    .serialize(AlprTopics.DETECTIONS_RAW, r);
            List<ProducerRecord<byte[], byte[]>> backlog = backlog(serialize);
            Result pass = passThrough(bootstrap, backlog, serialize);
            Result topo = topology(bootstrap, topics, backlog, serialize, dir.resolve("state"));
            return new Report(pass, topo);
        }
    }

    private Result passThrough(String bootstrap, List<ProducerRecord<byte[], byte[]>> backlog,
                               Function<PlateRead, byte[]> serialize) throws Exception {
        out.printf("pass-through: producing %,d reads ...%n", reads);
        out.flush();
        produceAll(bootstrap, retarget(backlog, PASS_IN));
        AtomicLong copied = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        Thread loop = new Thread(() -> copyLoop(bootstrap, copied, stop), "bench-passthrough");
        loop.start();
        while (copied.get() < reads) {
            LockSupport.parkNanos(1_000_000);
        }
        double perSecond = reads / ((System.nanoTime() - start) / 1e9);
        Latencies latencies = measureLatency(bootstrap, PASS_IN, PASS_OUT, serialize,
                (key, value) -> new String(key, StandardCharsets.UTF_8));
        stop.set(true);
        loop.join();
        return new Result("pass-through (consumer -> producer)", reads, perSecond, latencies.percentile(50),
                latencies.percentile(99), latencies.count());
    }

    private Result topology(String bootstrap, AlprTopics topics, List<ProducerRecord<byte[], byte[]>> backlog,
                            Function<PlateRead, byte[]> serialize, Path stateDir) throws Exception {
        out.printf("topology: producing %,d reads ...%n", reads);
        out.flush();
        produceAll(bootstrap, backlog);
        StreamsSettings settings = StreamsSettings.defaults(bootstrap, stateDir).withApplicationId("alpr-bench");
        try (StreamsRunner runner = new StreamsRunner(AlprTopology.build(TopologyConfig.defaults(), topics,
                new PipelineCounters()), settings).start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            runner.awaitRunning(Duration.ofMinutes(1));
            long start = System.nanoTime();
            while (committed(admin, "alpr-bench") < reads) {
                LockSupport.parkNanos(20_000_000);
            }
            double perSecond = reads / ((System.nanoTime() - start) / 1e9);
            var deserializer = topics.platesEnriched().valueSerde().deserializer();
            Latencies latencies = measureLatency(bootstrap, AlprTopics.DETECTIONS_RAW, AlprTopics.PLATES_ENRICHED,
                    serialize, (key, value) -> {
                        PlateEvent event = deserializer.deserialize(AlprTopics.PLATES_ENRICHED, value);
                        return event.getReadId();
                    });
            return new Result("topology (exactly_once_v2)", reads, perSecond, latencies.percentile(50),
                    latencies.percentile(99), latencies.count());
        }
    }

    /** Sends reads at the fixed rate, each a new vehicle, and times each until it appears on {@code outTopic}. */
    private Latencies measureLatency(String bootstrap, String inTopic, String outTopic,
                                     Function<PlateRead, byte[]> serialize, IdOf idOf) throws Exception {
        int count = (int) (rate * latencyPhase.toSeconds());
        out.printf("  latency at %,d reads/s for %d s ...%n", rate, latencyPhase.toSeconds());
        out.flush();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        AtomicBoolean stop = new AtomicBoolean();
        Thread receiver = new Thread(() -> receive(bootstrap, outTopic, sentAt, latencies, idOf, stop), "bench-recv");
        receiver.start();
        LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
        ReadGenerator generator = new ReadGenerator(99, 20);
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                PlateRead read = PlateRead.newBuilder(generator.next(Instant.now(), "L" + i))
                        .setReadId("lat-" + i).build();
                sentAt.put("lat-" + i, System.nanoTime());
                producer.send(new ProducerRecord<>(inTopic, ("lat-" + i).getBytes(StandardCharsets.UTF_8),
                        serialize.apply(read)));
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (latencies.count() < count && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000);
        }
        stop.set(true);
        receiver.join();
        return latencies;
    }

    /** Extracts the read id from an output record. */
    @FunctionalInterface
    private interface IdOf {
        String of(byte[] key, byte[] value);
    }

    private static void receive(String bootstrap, String topic, Map<String, Long> sentAt, Latencies latencies,
                                IdOf idOf, AtomicBoolean stop) {
        Properties props = consumerProps(bootstrap, "bench-recv-" + topic + "-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!stop.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    Long sent = sentAt.remove(idOf.of(record.key(), record.value()));
                    if (sent != null) {
                        latencies.add((System.nanoTime() - sent) / 1_000_000);
                    }
                }
            }
        }
    }

    private static void copyLoop(String bootstrap, AtomicLong copied, AtomicBoolean stop) {
        Properties props = consumerProps(bootstrap, "bench-passthrough");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            consumer.subscribe(List.of(PASS_IN));
            while (!stop.get()) {
                var records = consumer.poll(Duration.ofMillis(20));
                Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    producer.send(new ProducerRecord<>(PASS_OUT, record.key(), record.value()));
                    offsets.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                if (!offsets.isEmpty()) {
                    producer.flush();
                    consumer.commitAsync(offsets, null);
                    copied.addAndGet(records.count());
                }
            }
        }
    }

    private List<ProducerRecord<byte[], byte[]>> backlog(Function<PlateRead, byte[]> serialize) {
        ReadGenerator generator = new ReadGenerator(42, 20);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(reads);
        Instant base = Instant.now().minus(Duration.ofHours(1));
        String plate = generator.plate();
        for (int i = 0; i < reads; i++) {
            if (i % 3 == 0) {
                plate = generator.plate();
            }
            PlateRead read = generator.next(base.plusMillis(i * 10L), plate);
            records.add(new ProducerRecord<>(AlprTopics.DETECTIONS_RAW,
                    read.getCameraId().getBytes(StandardCharsets.UTF_8), serialize.apply(read)));
        }
        return records;
    }

    private static List<ProducerRecord<byte[], byte[]>> retarget(List<ProducerRecord<byte[], byte[]>> records,
                                                                 String topic) {
        return records.stream().map(r -> new ProducerRecord<>(topic, r.key(), r.value())).toList();
    }

    private static void produceAll(String bootstrap, List<ProducerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    private static long committed(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(AlprTopics.DETECTIONS_RAW) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static void createTopics(String bootstrap) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec spec : AlprTopics.specs(TopicsConfig.defaults().withPartitions(PARTITIONS).keepingForever())) {
            topics.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()));
        }
        topics.add(new NewTopic(PASS_IN, PARTITIONS, (short) 1));
        topics.add(new NewTopic(PASS_OUT, PARTITIONS, (short) 1));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(topics).all().get();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Properties consumerProps(String bootstrap, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        return props;
    }
}
