package io.ovr.alpr.cli.bench;

import io.ovr.alpr.devstack.BrokerConfig;
import io.ovr.alpr.devstack.EmbeddedKafkaBroker;
import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.HotlistEntry;
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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code alpr bench topology}: the real topology (exactly_once_v2, with cameras, a hotlist and
 * rules loaded) against a plain consumer-to-producer pass-through on the same embedded broker,
 * measured the same way: the same backlog of reads, the same client batching and compression, the
 * sustained rate from committed offsets after a warm-up part of the backlog, and read-to-output
 * latency at a fixed rate seen by a {@code read_committed} consumer. A Kafka Streams application
 * that only copies bytes (same settings, exactly_once_v2) is measured too, to show what Streams and
 * its transactions cost before any logic. A first round on its own broker warms the JIT for every
 * side and is not measured.
 */
public final class TopologyBenchmark {

    /** One side of the comparison. */
    public record Result(String name, long reads, double readsPerSecond, double cpuMicrosPerRead,
                         double threadCpuMicrosPerRead, long p50Ms, long p99Ms, int samples, int sent) {
    }

    /**
     * Both sides and the ratio of sustained rates, plus a Kafka Streams application that only copies
     * bytes with the same settings (exactly_once_v2): what any such application costs before logic.
     */
    public record Report(Result passThrough, Result streamsCopy, Result topology) {

        public double ratio() {
            return topology.readsPerSecond() / passThrough.readsPerSecond();
        }
    }

    /**
     * What to run.
     *
     * @param reads reads timed for the sustained rate
     * @param warmup reads each side processes before the timing starts
     * @param rate reads/s of the latency phase
     * @param hotlist hotlist entries loaded before the topology starts
     */
    public record Options(int reads, int warmup, int rate, Duration latencyPhase, int threads, int hotlist) {

        Options forWarmUpRound() {
            return new Options(Math.min(reads, 100_000), warmup, rate, Duration.ofSeconds(2), threads, hotlist);
        }
    }

    private static final int PARTITIONS = 3;
    private static final String APPLICATION_ID = "alpr-bench";
    private static final String PASS_GROUP = "bench-passthrough";
    private static final String PASS_THREAD = "bench-passthrough";
    private static final String PASS_IN = "bench.passthrough.in";
    private static final String PASS_OUT = "bench.passthrough.out";
    private static final String COPY_ID = "alpr-bench-copy";
    private static final String COPY_IN = "bench.copy.in";
    private static final String COPY_OUT = "bench.copy.out";
    private static final Duration RATE_TIMEOUT = Duration.ofMinutes(10);

    private final Options options;
    private final PrintWriter out;

    public TopologyBenchmark(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    public Report run() throws Exception {
        progress("warm-up round (not measured) ...");
        new Round(options.forWarmUpRound()).run();
        progress("measured round ...");
        return new Round(options).run();
    }

    private void progress(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }

    /** Both sides on one fresh broker. */
    private final class Round {

        private final Options round;
        private BenchClients clients;
        private AlprTopics topics;
        private Serializer<PlateRead> serializer;
        private Deserializer<PlateRead> deserializer;

        Round(Options round) {
            this.round = round;
        }

        Report run() throws Exception {
            Path dir = Files.createTempDirectory("alpr-bench-");
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerConfig.forTests()
                    .withDataDir(dir.resolve("kafka")));
                 EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1",
                         0)) {
                topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                        RegistryClientConfig.of(registry.url())), SerdeOptions.values());
                serializer = topics.detectionsRaw().valueSerde().serializer();
                deserializer = topics.detectionsRaw().valueSerde().deserializer();
                StreamsSettings settings = StreamsSettings.defaults(broker.bootstrapServers(), dir.resolve("state"))
                        .withApplicationId(APPLICATION_ID).withThreads(round.threads());
                clients = BenchClients.likeStreams(settings);
                createTopics();
                List<String> plates = new ArrayList<>();
                List<byte[][]> backlog = BenchWorld.backlog(round.warmup() + round.reads(), plates).stream()
                        .map(r -> new byte[][] {bytes(r.getCameraId()), serializer.serialize(AlprTopics.DETECTIONS_RAW,
                                r)}).toList();
                Result pass = passThrough(backlog);
                Result copy = streamsCopy(settings, backlog);
                BenchWorld world = new BenchWorld(round.hotlist(), plates);
                loadWorld(world);
                return new Report(pass, copy, topology(settings, world, backlog));
            } finally {
                deleteRecursively(dir);
            }
        }

        private Result passThrough(List<byte[][]> backlog) throws Exception {
            progress("pass-through: producing %,d reads (%,d of them warm-up) ...", backlog.size(), round.warmup());
            produce(PASS_IN, backlog);
            AtomicBoolean stop = new AtomicBoolean();
            Thread loop = new Thread(() -> clients.copy(PASS_GROUP, PASS_IN, PASS_OUT, stop), PASS_THREAD);
            loop.start();
            try (Admin admin = Admin.create(clients.admin())) {
                SustainedRate.Window window = SustainedRate.measure(admin, PASS_GROUP, PASS_IN, round.warmup(),
                        backlog.size(), PASS_THREAD::equals, RATE_TIMEOUT);
                Latencies latencies = latency(PASS_IN, PASS_OUT,
                        (key, value) -> deserializer.deserialize(AlprTopics.DETECTIONS_RAW, value).getReadId());
                return result("pass-through (consumer -> producer)", window, latencies);
            } finally {
                stop.set(true);
                loop.join();
            }
        }

        /** Source to sink of bytes in Kafka Streams, with the topology's settings and exactly_once_v2. */
        private Result streamsCopy(StreamsSettings settings, List<byte[][]> backlog) throws Exception {
            progress("streams copy: producing %,d reads (%,d of them warm-up) ...", backlog.size(), round.warmup());
            produce(COPY_IN, backlog);
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(COPY_IN, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("copy-source"))
                    .to(COPY_OUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("copy-sink"));
            try (StreamsRunner runner = new StreamsRunner(builder.build(), settings.withApplicationId(COPY_ID)).start();
                 Admin admin = Admin.create(clients.admin())) {
                SustainedRate.Window window = SustainedRate.measure(admin, COPY_ID, COPY_IN, round.warmup(),
                        backlog.size(), streamThreadsOf(COPY_ID), RATE_TIMEOUT);
                Latencies latencies = latency(COPY_IN, COPY_OUT,
                        (key, value) -> deserializer.deserialize(AlprTopics.DETECTIONS_RAW, value).getReadId());
                return result("streams copy (exactly_once_v2, bytes)", window, latencies);
            }
        }

        private Result topology(StreamsSettings settings, BenchWorld world, List<byte[][]> backlog) throws Exception {
            progress("topology: producing %,d reads (%,d of them warm-up) ...", backlog.size(), round.warmup());
            produce(AlprTopics.DETECTIONS_RAW, backlog);
            TopologyConfig config = TopologyConfig.defaults().withRules(world.rules);
            try (StreamsRunner runner = new StreamsRunner(AlprTopology.build(config, topics, new PipelineCounters()),
                    settings).start();
                 Admin admin = Admin.create(clients.admin())) {
                SustainedRate.Window window = SustainedRate.measure(admin, APPLICATION_ID, AlprTopics.DETECTIONS_RAW,
                        round.warmup(), backlog.size(), streamThreadsOf(APPLICATION_ID), RATE_TIMEOUT);
                var events = topics.platesEnriched().valueSerde().deserializer();
                Latencies latencies = latency(AlprTopics.DETECTIONS_RAW, AlprTopics.PLATES_ENRICHED,
                        (key, value) -> events.deserialize(AlprTopics.PLATES_ENRICHED, value).getReadId());
                return result("topology (exactly_once_v2, " + round.threads()
                        + (round.threads() == 1 ? " thread)" : " threads)"), window, latencies);
            }
        }

        /**
         * Each probe read is a new vehicle at a registered camera (its key, as at the edge), so the
         * topology emits it at once; both sides find the probe's read id in the output value.
         */
        private Latencies latency(String inTopic, String outTopic, LatencyProbe.IdOf idOf)
                throws InterruptedException {
            progress("  latency at %,d reads/s for %d s ...", round.rate(), round.latencyPhase().toSeconds());
            ReadGenerator generator = new ReadGenerator(99, BenchWorld.CAMERAS);
            try (KafkaProducer<byte[], byte[]> producer = clients.edgeProducer()) {
                return LatencyProbe.measure(clients.consumer("bench-latency"), producer, outTopic, round.rate(),
                        round.latencyPhase(), i -> {
                            String id = "probe-" + i;
                            PlateRead read = PlateRead.newBuilder(generator.next(Instant.now(), generator.plate()))
                                    .setReadId(id).build();
                            return new LatencyProbe.Probe(id, new ProducerRecord<>(inTopic, bytes(read.getCameraId()),
                                    serializer.serialize(AlprTopics.DETECTIONS_RAW, read)));
                        }, idOf);
            }
        }

        private Result result(String name, SustainedRate.Window window, Latencies latencies) {
            return new Result(name, window.reads(), window.readsPerSecond(), window.cpuMicrosPerRead(),
                    window.threadCpuMicrosPerRead(), latencies.percentile(50), latencies.percentile(99), latencies.count(),
                    (int) (round.rate() * round.latencyPhase().toMillis() / 1000));
        }

        private void loadWorld(BenchWorld world) {
            progress("loading %d cameras, %,d hotlist entries and %d rules ...", world.cameras.size(),
                    world.hotlist.size(), world.rules.rules().size());
            Serializer<Camera> cameras = topics.cameras().valueSerde().serializer();
            Serializer<HotlistEntry> hotlist = topics.hotlist().valueSerde().serializer();
            try (KafkaProducer<byte[], byte[]> producer = clients.producer()) {
                for (Camera camera : world.cameras) {
                    producer.send(new ProducerRecord<>(AlprTopics.CAMERAS, bytes(camera.getCameraId()),
                            cameras.serialize(AlprTopics.CAMERAS, camera)));
                }
                for (HotlistEntry entry : world.hotlist) {
                    producer.send(new ProducerRecord<>(AlprTopics.HOTLIST, bytes(entry.getPlate()),
                            hotlist.serialize(AlprTopics.HOTLIST, entry)));
                }
                producer.flush();
            }
        }

        private void produce(String topic, List<byte[][]> backlog) {
            try (KafkaProducer<byte[], byte[]> producer = clients.producer()) {
                backlog.forEach(kv -> producer.send(new ProducerRecord<>(topic, kv[0], kv[1])));
                producer.flush();
            }
        }

        private void createTopics() throws Exception {
            List<NewTopic> created = new ArrayList<>();
            for (TopicSpec spec : AlprTopics.specs(TopicsConfig.defaults().withPartitions(PARTITIONS)
                    .keepingForever())) {
                created.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()));
            }
            created.add(new NewTopic(PASS_IN, PARTITIONS, (short) 1));
            created.add(new NewTopic(PASS_OUT, PARTITIONS, (short) 1));
            created.add(new NewTopic(COPY_IN, PARTITIONS, (short) 1));
            created.add(new NewTopic(COPY_OUT, PARTITIONS, (short) 1));
            try (Admin admin = Admin.create(clients.admin())) {
                admin.createTopics(created).all().get();
            }
        }
    }

    /** The stream threads of an application (not their producers' network threads). */
    private static Predicate<String> streamThreadsOf(String applicationId) {
        return name -> name.startsWith(applicationId + "-") && name.contains("-StreamThread-");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
