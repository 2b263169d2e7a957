package io.ovr.alpr.cli.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ovr.alpr.devstack.BrokerConfig;
import io.ovr.alpr.devstack.EmbeddedKafkaBroker;
import io.ovr.alpr.devstack.EmbeddedS3Server;
import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.pipeline.EdgePipeline;
import io.ovr.alpr.edge.publish.EdgePublishing;
import io.ovr.alpr.edge.reader.CropSearch;
import io.ovr.alpr.edge.reader.PlateReader;
import io.ovr.alpr.edge.source.CapturedFrame;
import io.ovr.alpr.edge.source.FrameSource;
import io.ovr.alpr.edge.video.VideoGenerator;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.sinks.objectstore.ObjectStore;
import io.ovr.alpr.sinks.objectstore.ObjectStoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code alpr bench edge}: the edge pipeline end to end (decode, detect, read, publish to an
 * embedded broker, registry and S3 server) on a rendered video, with 1 and 2 workers, against the
 * baseline of decoding alone in the same run.
 */
final class EdgeBenchmark {

    /**
     * One measured configuration.
     *
     * @param name what ran
     * @param frames frames processed
     * @param fps frames per second
     * @param msPerFrame mean ms per frame by stage (empty for the decode baseline)
     * @param reads reads published
     * @param vehiclesRead vehicles of the video whose plate a published read has exactly
     * @param otherReads published reads whose text is no vehicle's plate (misreads, background)
     */
    record Result(String name, long frames, double fps, Map<String, Double> msPerFrame, long reads, long vehiclesRead,
                  long otherReads) {
    }

    private final int width;
    private final int height;
    private final int vehicles;
    private final Path backgrounds;
    private final int views;
    private final io.ovr.alpr.edge.reader.PlateFormats formats;

    /**
     * @param views reader views of the configurations after the baseline (one view, boxes as
     *              found; see {@code --reader-views})
     * @param formats plate formats of the configurations after the baseline (see {@code --plate-formats})
     */
    EdgeBenchmark(int width, int height, int vehicles, Path backgrounds, int views,
                  io.ovr.alpr.edge.reader.PlateFormats formats) {
        this.width = width;
        this.height = height;
        this.vehicles = vehicles;
        this.backgrounds = backgrounds;
        this.views = views;
        this.formats = formats;
    }

    List<Result> run(List<Integer> threads) throws Exception {
        Path dir = Files.createTempDirectory("alpr-bench-edge");
        Path video = dir.resolve("bench.mp4");
        List<String> plates = new VideoGenerator(new VideoGenerator.Config(video, width, height, 15, vehicles, 2.5, 11,
                Files.isDirectory(backgrounds) ? backgrounds : null)).run().plates();
        List<Result> out = new ArrayList<>();
        out.add(decodeOnly(video));
        PlateDetector detector = PlateDetector.bundled();
        PlateReader oneView = PlateReader.bundled(5);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerConfig.forTests());
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
             EmbeddedS3Server s3 = EmbeddedS3Server.inMemory();
             ObjectStore store = ObjectStore.connect(new ObjectStoreConfig(s3.endpoint(), s3.accessKey(), s3.secretKey(),
                     "alpr-bench", s3.region(), Duration.ZERO))) {
            store.ensureBucket();
            createTopics(broker.bootstrapServers());
            PlateDetector refining = detector.withRefinement(true);
            for (int t : threads) {
                // the previous defaults as the baseline, then alpr edge's defaults, then with a crop search
                out.add(pipeline(video, plates, t, detector, oneView, false,
                        dir.resolve("spool-" + t + "-1"), broker.bootstrapServers(), registry.url(), store));
                out.add(pipeline(video, plates, t, refining, oneView.withViews(views).withFormats(formats), false,
                        dir.resolve("spool-" + t + "-" + views), broker.bootstrapServers(), registry.url(), store));
                out.add(pipeline(video, plates, t, refining, oneView.withViews(views).withFormats(formats), true,
                        dir.resolve("spool-" + t + "-search"), broker.bootstrapServers(), registry.url(), store));
            }
        }
        return out;
    }

    private static void createTopics(String bootstrap) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new io.ovr.alpr.cli.admin.TopicAdmin(admin).createAll(io.ovr.alpr.serdes.topics.AlprTopics.specs(
                    io.ovr.alpr.serdes.topics.TopicsConfig.defaults().withPartitions(1).keepingForever()));
        }
    }

    private static Result decodeOnly(Path video) throws IOException {
        long start = System.nanoTime();
        long frames = 0;
        try (FrameSource source = FrameSource.open(video.toString(), 0)) {
            for (CapturedFrame f = source.next(); f != null; f = source.next()) {
                frames++;
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        return new Result("decode only (baseline)", frames, frames / secs, Map.of(), 0, 0, 0);
    }

    private static Result pipeline(Path video, List<String> plates, int threads, PlateDetector detector,
                                   PlateReader reader, boolean search, Path spool, String bootstrap, String registryUrl,
                                   ObjectStore store) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<String> texts = new ArrayList<>();
        EdgePipeline.Stats s;
        try (EdgePublishing publishing = EdgePublishing.start(new EdgePublishing.Config(bootstrap, spool, 512L << 20,
                true, Duration.ofSeconds(60)), new RestSchemaRegistryClient(RegistryClientConfig.of(registryUrl)), store,
                meters); FrameSource source = FrameSource.open(video.toString(), 0)) {
            EdgePipeline p = new EdgePipeline(new EdgePipeline.Config("bench", threads, 5, 0.05, 2,
                    EdgePipeline.DEFAULT_MIN_LENGTH, "bench", "bundled"), detector, reader,
                    search ? CropSearch.standard() : CropSearch.single(), (entry, mustKeep) -> {
                        if (entry.event() instanceof PlateRead read) {
                            texts.add(read.getText());
                        }
                        publishing.publisher().submit(entry, mustKeep);
                    }, meters);
            s = p.run(source, 0, line -> { });
        }
        return new Result(threads + (threads == 1 ? " worker, " : " workers, ")
                + (search ? "search" : "single") + ", " + reader.views() + (reader.views() == 1 ? " view" : " views")
                + (detector.refines() ? ", refined" : "")
                + (reader.formats() == io.ovr.alpr.edge.reader.PlateFormats.ANY ? "" : ", " + reader.formats()),
                s.frames(), s.fps(),
                s.msPerFrame(), s.reads(), plates.stream().distinct().filter(texts::contains).count(),
                texts.stream().filter(t -> !plates.contains(t)).count());
    }
}
