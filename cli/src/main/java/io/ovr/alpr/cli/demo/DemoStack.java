package io.ovr.alpr.cli.demo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ovr.alpr.api.ApiConfig;
import io.ovr.alpr.api.QueryApi;
import io.ovr.alpr.api.admin.AdminWriter;
import io.ovr.alpr.api.audit.SqlAuditLog;
import io.ovr.alpr.api.auth.ApiKeys;
import io.ovr.alpr.api.backend.Backends;
import io.ovr.alpr.api.backend.SqlStore;
import io.ovr.alpr.api.console.TopicAccess;
import io.ovr.alpr.cli.Lifecycle;
import io.ovr.alpr.cli.Progress;
import io.ovr.alpr.cli.admin.SchemaAdmin;
import io.ovr.alpr.cli.admin.TopicAdmin;
import io.ovr.alpr.cli.edge.LoopingFrameSource;
import io.ovr.alpr.cli.edge.ModelOptions;
import io.ovr.alpr.cli.metrics.PipelineMeters;
import io.ovr.alpr.devstack.BrokerConfig;
import io.ovr.alpr.devstack.EmbeddedKafkaBroker;
import io.ovr.alpr.devstack.EmbeddedOpenSearch;
import io.ovr.alpr.devstack.EmbeddedS3Server;
import io.ovr.alpr.devstack.PostgresDatabase;
import io.ovr.alpr.devstack.PostgresServer;
import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.pipeline.EdgePipeline;
import io.ovr.alpr.edge.publish.EdgePublishing;
import io.ovr.alpr.edge.source.FrameSource;
import io.ovr.alpr.edge.reader.CropSearch;
import io.ovr.alpr.edge.reader.PlateReader;
import io.ovr.alpr.edge.video.VideoGenerator;
import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.KafkaSchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import io.ovr.alpr.sinks.core.SinkConfig;
import io.ovr.alpr.sinks.core.SinkRunner;
import io.ovr.alpr.sinks.notify.AlertsSink;
import io.ovr.alpr.sinks.notify.ChannelConfig;
import io.ovr.alpr.sinks.notify.ChannelType;
import io.ovr.alpr.sinks.objectstore.ObjectStore;
import io.ovr.alpr.sinks.objectstore.ObjectStoreConfig;
import io.ovr.alpr.sinks.search.OpenSearchConfig;
import io.ovr.alpr.sinks.search.OpenSearchSink;
import io.ovr.alpr.sinks.sql.Database;
import io.ovr.alpr.sinks.sql.DatabaseConfig;
import io.ovr.alpr.sinks.sql.Migrations;
import io.ovr.alpr.sinks.sql.TimescaleSink;
import io.ovr.alpr.topology.AlprTopology;
import io.ovr.alpr.topology.StreamsSettings;
import io.ovr.alpr.topology.TopologyConfig;
import io.ovr.alpr.topology.runner.StreamsRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in one JVM on loopback, for {@code alpr demo} and its end-to-end test: broker,
 * registry, S3 server, OpenSearch node (a child JVM), PostgreSQL (the machine's when one answers,
 * else an embedded one kept in the data directory), migrations, topics and schemas, seeded cameras
 * and hotlist, the streams application with its API and web console, the three sinks (alerts to a
 * local webhook receiver), and edge capture on a generated video played as a live camera. Every
 * part is the one production runs; only the servers are embedded. Closing stops them in reverse.
 */
public final class DemoStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStack.class);
    static final String APPLICATION_ID = "alpr-demo";
    private static final int STEPS = 13;

    /**
     * How the demo runs.
     *
     * @param dataDir where every server keeps its state; a second run on it resumes
     * @param apiPort port of the API and console; 0 for a free one
     * @param postgresUrl admin JDBC URL of the machine's PostgreSQL, tried first
     * @param database the database the demo uses on that server
     * @param edgeFps frames per second edge capture takes from the video (a camera's rate)
     */
    public record Config(Path dataDir, int brokerPort, int registryPort, int apiPort, String postgresUrl,
                         String database, double edgeFps, int vehicles) {
    }

    private final Lifecycle lifecycle = new Lifecycle();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PipelineCounters counters = new PipelineCounters();
    private String bootstrap;
    private String registryUrl;
    private String apiUrl;
    private String adminKey;
    private String searchUrl;
    private String s3Endpoint;
    private String jdbcUrl;
    private boolean embeddedPostgres;
    private List<String> videoPlates;
    private Set<String> hotlistPlates;
    private WebhookReceiver webhook;
    private EdgeLoop edge;

    private DemoStack() {
    }

    /** Starts everything, printing one progress line per part to {@code out}. */
    public static DemoStack start(Config config, PrintWriter out) throws Exception {
        DemoStack stack = new DemoStack();
        try {
            stack.startAll(config, new Progress(out, STEPS));
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Config config, Progress progress) throws Exception {
        Path dir = config.dataDir();
        Files.createDirectories(dir);
        EmbeddedKafkaBroker broker = progress.step("Kafka broker (KRaft)", () -> lifecycle.add(EmbeddedKafkaBroker.start(
                new BrokerConfig(Optional.of(dir.resolve("kafka")), config.brokerPort(), 1, true, Map.of()))),
                EmbeddedKafkaBroker::bootstrapServers);
        bootstrap = broker.bootstrapServers();
        EmbeddedSchemaRegistry registry = progress.step("Schema Registry", () -> lifecycle.add(
                EmbeddedSchemaRegistry.start(new KafkaSchemaLog(bootstrap, "_schemas", (short) 1), "127.0.0.1",
                        config.registryPort())), EmbeddedSchemaRegistry::url);
        registryUrl = registry.url();
        EmbeddedS3Server s3 = progress.step("S3 server", () -> lifecycle.add(EmbeddedS3Server.start(
                Optional.of(Files.createDirectories(dir.resolve("s3"))), 0)), EmbeddedS3Server::endpoint);
        s3Endpoint = s3.endpoint();
        EmbeddedOpenSearch search = progress.step("OpenSearch node", () -> lifecycle.add(EmbeddedOpenSearch.start(
                Optional.of(dir.resolve("opensearch")), 0)), EmbeddedOpenSearch::url);
        searchUrl = search.url();
        PostgresDatabase db = progress.step("PostgreSQL", () -> postgres(config), d -> d.toString()
                + (embeddedPostgres ? " (embedded, in " + dir.resolve("postgres") + ")" : " (this machine's)"));
        jdbcUrl = db.jdbcUrl();
        Database database = lifecycle.add(Database.connect(DatabaseConfig.of(jdbcUrl).withPoolSize(6), "alpr-demo"));
        progress.step("migrations", () -> {
            new Migrations(database.dataSource(), database.config()).migrate();
            return database.config();
        }, c -> "applied");
        progress.step("topics", () -> createTopics(bootstrap), n -> n + " topics ready");
        SchemaRegistryClient registryClient = new RestSchemaRegistryClient(RegistryClientConfig.of(registryUrl));
        progress.step("schemas", () -> new SchemaAdmin(registryClient).registerAll(AlprTopics.valueSchemas()),
                list -> list.size() + " subjects registered");
        AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), registryClient, SerdeOptions.values());
        Path video = progress.step("sample video", () -> sampleVideo(dir.resolve("video"), config.vehicles()),
                v -> v + " (" + videoPlates.size() + " vehicles: " + String.join(" ", videoPlates) + ")");
        AdminWriter writer = lifecycle.add(new AdminWriter(bootstrap, topics));
        progress.step("cameras and hotlist", () -> seed(writer), n -> n);
        ObjectStore images = lifecycle.add(ObjectStore.connect(new ObjectStoreConfig(s3Endpoint, s3.accessKey(),
                s3.secretKey(), "alpr-images", s3.region(), Duration.ofDays(30))));
        images.ensureBucket();
        SqlStore sql = new SqlStore(database.dataSource(), Duration.ofSeconds(10));
        progress.step("streams, API and console", () -> startStreams(config, dir, topics, writer, database, images,
                sql), url -> url);
        progress.step("sinks", () -> startSinks(topics, database), s -> s);
        progress.step("edge capture", () -> startEdge(dir, video, config.edgeFps(), registryClient, images),
                s -> s);
        lifecycle.add(new GarbledCamera(bootstrap, topics, Duration.ofSeconds(20)));
    }

    private PostgresDatabase postgres(Config config) {
        PostgresServer server = lifecycle.add(PostgresServer.machineOrEmbedded(config.postgresUrl(),
                Optional.of(config.dataDir().resolve("postgres"))));
        embeddedPostgres = server.isEmbedded();
        return server.ensureDatabase(config.database());
    }

    private int createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicsConfig config = TopicsConfig.defaults().withPartitions(3).keepingForever();
            return new TopicAdmin(admin).createAll(AlprTopics.specs(config)).size();
        }
    }

    private Path sampleVideo(Path dir, int vehicles) throws Exception {
        Path video = dir.resolve("demo-" + vehicles + ".mp4");
        Path truth = dir.resolve("demo-" + vehicles + ".csv");
        if (!Files.exists(video) || !Files.exists(truth)) {
            Files.createDirectories(dir);
            // generated backgrounds, not ../shared/data: the demo needs nothing beyond the repository
            new VideoGenerator(new VideoGenerator.Config(video, 1280, 720, 15, vehicles, 3.0, 7, null)).run();
        }
        videoPlates = plates(truth);
        return video;
    }

    private static List<String> plates(Path truth) throws IOException {
        Set<String> plates = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(truth);
        for (String line : lines.subList(1, lines.size())) {
            plates.add(line.substring(line.lastIndexOf(',') + 1).trim());
        }
        return List.copyOf(plates);
    }

    private String seed(AdminWriter writer) {
        Instant now = Instant.now();
        var hotlist = DemoSeed.hotlist(videoPlates, now);
        DemoSeed.write(writer, DemoSeed.cameras(now), hotlist);
        hotlistPlates = new LinkedHashSet<>(hotlist.stream().map(h -> h.getPlate()).toList());
        return "3 cameras, hotlist " + String.join(" ", hotlistPlates);
    }

    private String startStreams(Config config, Path dir, AlprTopics topics, AdminWriter writer, Database database,
                                ObjectStore images, SqlStore sql) throws Exception {
        int port = config.apiPort() == 0 ? freePort() : config.apiPort();
        adminKey = ApiKeys.generate();
        ApiKeys keys = ApiKeys.parse("demo-admin:admin:sha256:" + ApiKeys.hash(adminKey));
        ApiConfig apiConfig = new ApiConfig("127.0.0.1", new HostInfo("127.0.0.1", port), keys, Duration.ofSeconds(2),
                Clock.systemUTC(), ApiConfig.DEFAULT_MAX_STANDBY_LAG, ApiConfig.DEFAULT_IMAGE_LINK_VALIDITY,
                Optional.of(HexFormat.of().formatHex(new SecureRandom().generateSeed(16))));
        StreamsSettings settings = StreamsSettings.defaults(bootstrap, dir.resolve("streams"))
                .withApplicationId(APPLICATION_ID).withApplicationServer("127.0.0.1:" + port);
        Topology topology = AlprTopology.build(TopologyConfig.defaults(), topics, counters);
        PipelineMeters.bind(counters, meters);
        StreamsRunner runner = lifecycle.add(new StreamsRunner(topology, settings));
        Backends backends = new Backends(Optional.of(database.dataSource()), Optional.of(lifecycle.add(
                io.ovr.alpr.sinks.search.SearchClient.connect(new OpenSearchConfig(searchUrl, null, null, 0, 1, 0)))),
                Optional.of(images), Optional.of(images));
        QueryApi api = lifecycle.add(new QueryApi(apiConfig, new QueryApi.Dependencies(runner.streams(),
                topology.describe(), writer, meters, new SqlAuditLog(sql), List.of(), backends,
                Optional.of(new TopicAccess(bootstrap, topics)))));
        api.start();
        runner.start();
        if (!runner.awaitRunning(Duration.ofSeconds(60))) {
            throw new IllegalStateException("the streams application did not reach RUNNING in 60 s: " + runner.state());
        }
        apiUrl = "http://127.0.0.1:" + api.port();
        return apiUrl;
    }

    private String startSinks(AlprTopics topics, Database database) throws IOException {
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        webhook = lifecycle.add(WebhookReceiver.start(secret));
        ChannelConfig channel = new ChannelConfig("demo-webhook", ChannelType.WEBHOOK, webhook.url(), secret,
                Duration.ofSeconds(5), 4, Duration.ofMillis(500), 120, Duration.ofMinutes(1), 1, null, 0, false, null,
                List.of(), null, null);
        start(TimescaleSink.create(quick(TimescaleSink.config(bootstrap, APPLICATION_ID + "-sink-timescale")),
                database, topics, meters, Duration.ofMinutes(5)));
        start(OpenSearchSink.create(quick(OpenSearchSink.config(bootstrap, APPLICATION_ID + "-sink-opensearch")),
                new OpenSearchConfig(searchUrl, null, null, 30, 1, 0), topics, meters, Duration.ofHours(1)));
        start(AlertsSink.create(quick(AlertsSink.config(bootstrap, APPLICATION_ID + "-sink-alerts")), List.of(channel),
                database, topics, meters));
        return "timescale, opensearch, alerts -> " + webhook.url();
    }

    /** Small batches, flushed every 200 ms: a demo shows each event at once rather than in bulk. */
    private static SinkConfig quick(SinkConfig base) {
        return base.withBatch(500, Duration.ofMillis(200));
    }

    private void start(SinkRunner runner) {
        lifecycle.add(runner).start();
        runner.onFailure(() -> LOG.error("sink {} stopped: {}", runner.name(), runner.failure().map(
                Throwable::toString).orElse("?")));
    }

    private String startEdge(Path dir, Path video, double fps, SchemaRegistryClient registry, ObjectStore images)
            throws IOException {
        EdgePublishing publishing = lifecycle.add(EdgePublishing.start(new EdgePublishing.Config(bootstrap,
                dir.resolve("spool"), 256L << 20, true, Duration.ofSeconds(10)), registry, images, meters));
        EdgePipeline.Config config = new EdgePipeline.Config(DemoSeed.CAMERA_ID, 1, 10, 0.05, 2,
                EdgePipeline.DEFAULT_MIN_LENGTH, "demo-edge",
                "bundled+bundled");
        // As alpr edge by default: the detector's box only (README, edge figures, for what a crop search costs),
        // boxes refined and read through the default number of views, with no format prior (the demo video mixes regions).
        EdgePipeline pipeline = new EdgePipeline(config,
                PlateDetector.bundled(PlateDetector.bundledThreshold()).withRefinement(true),
                PlateReader.bundled(5).withViews(ModelOptions.DEFAULT_VIEWS), CropSearch.single(),
                publishing.publisher()::submit, meters);
        edge = lifecycle.add(new EdgeLoop(pipeline, video, fps));
        edge.start();
        return "camera " + DemoSeed.CAMERA_ID + " on " + video.getFileName() + " at " + fps + " fps, looped";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The live counters: one line a second while the demo runs. */
    public Counts counts() {
        return new Counts(count("alpr.edge.frames", null), count("alpr.edge.reads", null), counters.readsIn.sum(),
                counters.passesOpened.sum(), counters.hotlistAlerts.sum() + counters.ruleAlerts.sum(),
                count("alpr.sink.rows.written", "timescale"), count("alpr.sink.rows.written", "opensearch"),
                webhook == null ? 0 : webhook.accepted(), counters.rejectsTotal() + count("alpr.sink.dlq", null));
    }

    /** What the demo did so far. */
    public record Counts(long frames, long edgeReads, long readsIn, long passes, long alerts, long rows, long documents,
                         long webhookDeliveries, long deadLetters) {

        public String line() {
            return String.format(java.util.Locale.ROOT, "frames %d | reads %d | passes %d | alerts %d | rows %d"
                            + " | documents %d | webhook %d | DLQ %d", frames, readsIn, passes, alerts, rows, documents,
                    webhookDeliveries, deadLetters);
        }
    }

    private long count(String name, String sink) {
        Search search = meters.find(name);
        if (sink != null) {
            search = search.tag("sink", sink);
        }
        return (long) search.counters().stream().mapToDouble(Counter::count).sum();
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public String apiUrl() {
        return apiUrl;
    }

    /** The API key of the demo's admin (made anew each run; only its hash is configured). */
    public String adminKey() {
        return adminKey;
    }

    public String searchUrl() {
        return searchUrl;
    }

    public String s3Endpoint() {
        return s3Endpoint;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public boolean embeddedPostgres() {
        return embeddedPostgres;
    }

    /** The plates of the sample video, in the order the vehicles pass. */
    public List<String> videoPlates() {
        return videoPlates;
    }

    /** The normalized plates on the seeded hotlist. */
    public Set<String> hotlistPlates() {
        return hotlistPlates;
    }

    public WebhookReceiver webhook() {
        return webhook;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    public void close() {
        lifecycle.close();
        meters.close();
    }

    /** Edge capture on its own thread, until closed. */
    private static final class EdgeLoop implements AutoCloseable {

        private final EdgePipeline pipeline;
        private final LoopingFrameSource source;
        private final Thread thread;
        private volatile boolean running = true;

        EdgeLoop(EdgePipeline pipeline, Path video, double fps) throws IOException {
            this.pipeline = pipeline;
            this.source = new LoopingFrameSource(() -> FrameSource.open(video.toString(), fps), () -> running);
            this.thread = new Thread(this::run, "alpr-demo-edge");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            try (source) {
                pipeline.run(source, 0, line -> { });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                LOG.error("edge capture stopped: {}", e.toString(), e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(30_000);
        }
    }
}
