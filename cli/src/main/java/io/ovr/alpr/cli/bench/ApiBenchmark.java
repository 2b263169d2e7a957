package io.ovr.alpr.cli.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ovr.alpr.api.ApiConfig;
import io.ovr.alpr.api.QueryApi;
import io.ovr.alpr.api.admin.AdminWriter;
import io.ovr.alpr.api.audit.LogAuditLog;
import io.ovr.alpr.api.auth.ApiKeys;
import io.ovr.alpr.api.http.Json;
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
import io.ovr.alpr.topology.stores.QueryStores;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.LoggerFactory;

/**
 * {@code alpr bench api}: two streams instances of the real topology with their query APIs on an
 * embedded broker, loaded with N plates; then latest-plate lookups on instance A at a fixed rate,
 * for plates A owns (answered locally) and plates B owns (forwarded to B over HTTP). Baselines of
 * the same run: the bare IQv2 lookup in process (no HTTP) and {@code GET /health} at the same rate
 * (the HTTP stack alone). Every lookup is audited as in production (to a file here).
 */
public final class ApiBenchmark {

    /** Everything measured. */
    record Report(List<FixedRateLoad.Result> results, int plates, int local, int remote, double iqP50Ms,
                  double iqP99Ms, Path auditFile, double loadBefore, double loadAfter, double idleCpuMsPerSecond) {
    }

    private static final int PARTITIONS = 4;
    private static final String KEY = ApiKeys.generate();

    private final int rate;
    private final Duration duration;
    private final Duration warmup;
    private final int plates;
    private final PrintWriter out;

    ApiBenchmark(int rate, Duration duration, Duration warmup, int plates, PrintWriter out) {
        this.rate = rate;
        this.duration = duration;
        this.warmup = warmup;
        this.plates = plates;
        this.out = out;
    }

    Report run() throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path dir = Files.createTempDirectory("alpr-bench-api-");
        Path auditFile = dir.resolve("audit.jsonl");
        auditToFile(auditFile);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerConfig.forTests()
                .withDataDir(dir.resolve("kafka")));
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0)) {
            AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                    RegistryClientConfig.of(registry.url())), SerdeOptions.values());
            createTopics(broker.bootstrapServers());
            try (Node a = Node.start(broker.bootstrapServers(), topics, dir.resolve("a"));
                 Node b = Node.start(broker.bootstrapServers(), topics, dir.resolve("b"))) {
                step("two streams instances with their APIs");
                awaitRunning(a, b);
                List<String> all = load(broker.bootstrapServers(), topics, a);
                List<String> local = new ArrayList<>();
                List<String> remote = new ArrayList<>();
                for (String plate : all) {
                    (owner(a, plate).equals(a.host) ? local : remote).add(plate);
                }
                long[] iq = inProcessLookups(a, local);
                step("CPU use without requests (subtracted from the per-request figures)");
                double idle = FixedRateLoad.idleCpuNanosPerSecond(Duration.ofSeconds(5));
                List<FixedRateLoad.Result> results = new ArrayList<>();
                try (FixedRateLoad load = new FixedRateLoad(idle)) {
                step("GET /health at " + rate + " req/s (HTTP baseline)");
                results.add(load.run("HTTP baseline: GET /health", List.of(a.uri("/health")), KEY, rate, warmup,
                        duration));
                step("latest-plate lookups answered locally at " + rate + " req/s");
                results.add(load.run("latest plate, local", lookups(a, local), KEY, rate, warmup, duration));
                step("latest-plate lookups forwarded to the owner at " + rate + " req/s");
                results.add(load.run("latest plate, forwarded", lookups(a, remote), KEY, rate, warmup, duration));
                }
                return new Report(results, all.size(), local.size(), remote.size(),
                        FixedRateLoad.percentile(iq, 50), FixedRateLoad.percentile(iq, 99), auditFile, loadBefore,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), idle / 1e6);
            }
        }
    }

    /** Produces one read per plate and waits until instance A answers every plate (locally or forwarded). */
    private List<String> load(String bootstrap, AlprTopics topics, Node a) throws Exception {
        step("producing " + plates + " plates");
        ReadGenerator generator = new ReadGenerator(7, 10);
        Set<String> unique = new HashSet<>();
        List<String> all = new ArrayList<>();
        Instant base = Instant.now().minus(Duration.ofMinutes(5));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            while (all.size() < plates) {
                String plate = generator.plate();
                if (unique.add(plate)) {
                    all.add(plate);
                    PlateRead read = generator.next(base.plusMillis(all.size()), plate);
                    producer.send(new ProducerRecord<>(AlprTopics.DETECTIONS_RAW, read.getCameraId(),
                            topics.detectionsRaw().valueSerde().serializer().serialize(AlprTopics.DETECTIONS_RAW, read)));
                }
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> missing = new ArrayList<>(all);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            missing.removeIf(plate -> status(http, a.uri("/api/v1/plates/" + plate + "/latest?purpose=bench")) == 200);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missing.size() + " plates never reached the stores");
        }
        return all;
    }

    private long[] inProcessLookups(Node a, List<String> local) {
        step("in-process IQv2 lookups on A (no HTTP)");
        int count = Math.max(20_000, rate * 5);
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            String plate = local.get(i % local.size());
            int partition = a.streams().queryMetadataForKey(QueryStores.PLATE_LATEST, plate, new StringSerializer())
                    .partition();
            long start = System.nanoTime();
            var result = a.streams().query(StateQueryRequest.inStore(QueryStores.PLATE_LATEST)
                    .withQuery(KeyQuery.<String, PlateEvent>withKey(plate)).withPartitions(Set.of(partition))
                    .requireActive());
            if (result.getOnlyPartitionResult().getResult() == null) {
                throw new IllegalStateException("in-process lookup of " + plate + " found nothing");
            }
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static List<URI> lookups(Node node, List<String> plates) {
        return plates.stream().map(p -> node.uri("/api/v1/plates/" + p + "/latest?purpose=benchmark")).toList();
    }

    private static HostInfo owner(Node node, String plate) {
        KeyQueryMetadata metadata = node.streams().queryMetadataForKey(QueryStores.PLATE_LATEST, plate,
                new StringSerializer());
        return metadata.activeHost();
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).header("X-API-Key", KEY).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private void awaitRunning(Node a, Node b) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (a.streams().state() == KafkaStreams.State.RUNNING && b.streams().state() == KafkaStreams.State.RUNNING
                    && a.streams().metadataForAllStreamsClients().size() == 2) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the two instances did not reach RUNNING");
    }

    private void step(String what) {
        out.println(what + " ...");
        out.flush();
    }

    private static void createTopics(String bootstrap) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec spec : AlprTopics.specs(TopicsConfig.defaults().withPartitions(PARTITIONS).keepingForever())) {
            topics.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()));
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(topics).all().get();
        }
    }

    /** The audit log goes to a file, as it would in production, not to the console. */
    private static void auditToFile(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        Logger audit = context.getLogger("alpr.audit");
        audit.addAppender(appender);
        audit.setAdditive(false);
    }

    /** One streams instance with its API. */
    private record Node(StreamsRunner runner, QueryApi api, AdminWriter writer, HostInfo host) implements AutoCloseable {

        static Node start(String bootstrap, AlprTopics topics, Path stateDir) throws Exception {
            HostInfo host = new HostInfo("127.0.0.1", freePort());
            Topology topology = AlprTopology.build(TopologyConfig.defaults(), topics, new PipelineCounters());
            StreamsRunner runner = new StreamsRunner(topology, StreamsSettings.defaults(bootstrap, stateDir)
                    .withApplicationId("alpr-bench-api").withApplicationServer(host.host() + ":" + host.port()));
            AdminWriter writer = new AdminWriter(bootstrap, topics);
            QueryApi api = new QueryApi(ApiConfig.of("127.0.0.1", host, ApiKeys.parse("bench:investigator:" + KEY)),
                    new QueryApi.Dependencies(runner.streams(), topology.describe(), writer,
                            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new LogAuditLog(Json.mapper()),
                            List.of())).start();
            runner.start();
            return new Node(runner, api, writer, host);
        }

        KafkaStreams streams() {
            return runner.streams();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + api.port() + path);
        }

        @Override
        public void close() {
            api.close();
            runner.close();
            writer.close();
        }

        private static int freePort() throws Exception {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
