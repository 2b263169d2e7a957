package io.ovr.alpr.cli.edge;

import io.micrometer.core.instrument.MeterRegistry;
import io.ovr.alpr.cli.metrics.MetricsOptions;
import io.ovr.alpr.cli.metrics.MetricsServer;
import io.ovr.alpr.cli.options.KafkaOptions;
import io.ovr.alpr.cli.options.ObjectStoreOptions;
import io.ovr.alpr.cli.options.RegistryOptions;
import io.ovr.alpr.edge.pipeline.EdgePipeline;
import io.ovr.alpr.edge.publish.EdgePublishing;
import io.ovr.alpr.edge.source.FrameSource;
import io.ovr.alpr.sinks.objectstore.ObjectStore;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alpr edge}: reads plates from a video file, an RTSP stream, an image folder or one image
 * and publishes frames and reads (images to the object store, events to Kafka) through the
 * on-disk spool, printing a progress line.
 */
@Command(name = "edge", mixinStandardHelpOptions = true,
        description = "Detect, read, track and publish plates from a video, RTSP stream, image folder or image.")
public final class EdgeCommand implements Callable<Integer> {

    @Option(names = "--source", required = true, defaultValue = "${env:ALPR_EDGE_SOURCE}",
            description = "FILE, DIR, image or rtsp://... (env ALPR_EDGE_SOURCE).")
    String source;

    @Option(names = "--camera", required = true, defaultValue = "${env:ALPR_EDGE_CAMERA}",
            description = "Camera id, [A-Za-z0-9._-]{1,64} (env ALPR_EDGE_CAMERA).")
    String camera;

    @Option(names = "--threads", defaultValue = "${env:ALPR_EDGE_THREADS:-2}",
            description = "Detection/reading workers (env ALPR_EDGE_THREADS, default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--target-fps", defaultValue = "${env:ALPR_EDGE_TARGET_FPS:-0}",
            description = "Frames per second taken from a video or stream, 0 for all (env ALPR_EDGE_TARGET_FPS, default ${DEFAULT-VALUE}).")
    double targetFps;

    @Option(names = "--sample-seconds", defaultValue = "${env:ALPR_EDGE_SAMPLE_SECONDS:-10}",
            description = "Publish a frame without plates at most this often, 0 never (env ALPR_EDGE_SAMPLE_SECONDS, default ${DEFAULT-VALUE}).")
    double sampleSeconds;

    @Option(names = "--min-confidence", defaultValue = "${env:ALPR_EDGE_MIN_CONFIDENCE:-0.05}",
            description = "Reads below this are not published (env ALPR_EDGE_MIN_CONFIDENCE, default ${DEFAULT-VALUE}).")
    double minConfidence;

    @Option(names = "--min-length", defaultValue = "${env:ALPR_EDGE_MIN_LENGTH:-" + EdgePipeline.DEFAULT_MIN_LENGTH + "}",
            description = "Readings with fewer characters are dropped before tracking: plates cut off at the frame's edge,"
                    + " background taken for a plate (env ALPR_EDGE_MIN_LENGTH, default ${DEFAULT-VALUE}).")
    int minLength;

    @Option(names = "--min-observations", defaultValue = "${env:ALPR_EDGE_MIN_OBSERVATIONS:-2}",
            description = "Frames a plate must be seen in (video) before it is published (env ALPR_EDGE_MIN_OBSERVATIONS, default ${DEFAULT-VALUE}).")
    int minObservations;

    @Option(names = "--spool-dir", defaultValue = "${env:ALPR_EDGE_SPOOL_DIR:-.alpr/spool}",
            description = "Where unsent reads and images wait (env ALPR_EDGE_SPOOL_DIR, default ${DEFAULT-VALUE}).")
    Path spoolDir;

    @Option(names = "--spool-max-mb", defaultValue = "${env:ALPR_EDGE_SPOOL_MAX_MB:-1024}",
            description = "Most the spool may hold; sampled frames are dropped beyond it, reads wait (env ALPR_EDGE_SPOOL_MAX_MB, default ${DEFAULT-VALUE}).")
    long spoolMaxMb;

    @Option(names = "--auto-register-schemas", defaultValue = "${env:ALPR_AUTO_REGISTER_SCHEMAS:-true}",
            description = "Register schemas on first use (env ALPR_AUTO_REGISTER_SCHEMAS, default ${DEFAULT-VALUE}).")
    boolean autoRegister;

    @Option(names = "--progress-every", defaultValue = "${env:ALPR_EDGE_PROGRESS_EVERY:-50}",
            description = "Frames between progress lines (env ALPR_EDGE_PROGRESS_EVERY, default ${DEFAULT-VALUE}).")
    int progressEvery;

    @Option(names = "--edge-host", defaultValue = "${env:ALPR_EDGE_HOST}",
            description = "Name of this edge in events (env ALPR_EDGE_HOST; default: the host name).")
    String edgeHost;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    RegistryOptions registry;

    @Mixin
    ObjectStoreOptions objectStore;

    @Mixin
    ModelOptions models;

    @Mixin
    MetricsOptions metricsOptions;

    @Option(names = "--loop", defaultValue = "${env:ALPR_EDGE_LOOP:-false}",
            description = "Play a video file or image folder again from the start each time it ends, until stopped"
                    + " (a sample camera for a demo stack; env ALPR_EDGE_LOOP, default ${DEFAULT-VALUE}).")
    boolean loop;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String host = edgeHost != null ? edgeHost : InetAddress.getLocalHost().getHostName();
        EdgePipeline.Config config = new EdgePipeline.Config(camera, threads, sampleSeconds, minConfidence,
                minObservations, minLength, host, models.version());
        try (MetricsServer metrics = metricsOptions.start();
             ObjectStore store = ObjectStore.connect(objectStore.config());
             EdgePublishing publishing = EdgePublishing.start(new EdgePublishing.Config(kafka.bootstrapServers,
                     spoolDir, spoolMaxMb << 20, autoRegister, Duration.ofSeconds(60)), registry.client(), store,
                     metrics.registry());
             FrameSource frames = loop ? new LoopingFrameSource(() -> FrameSource.open(source, targetFps))
                     : FrameSource.open(source, targetFps)) {
            MeterRegistry meters = metrics.registry();
            ensureBucket(store, out);
            EdgePipeline pipeline = new EdgePipeline(config, models.detector(), models.reader(), models.cropSearch(),
                    publishing.publisher()::submit, meters);
            EdgePipeline.Stats s = pipeline.run(frames, progressEvery, line -> {
                out.println(line + (publishing.publisher().connected() ? "" : ", publishing paused: "
                        + publishing.publisher().pending() + " entries spooled"));
                out.flush();
            });
            out.printf("done: %d frames, %d reads, %d frames published, %.1f fps; ms/frame %s%n", s.frames(), s.reads(),
                    s.framesPublished(), s.fps(), s.msPerFrame());
            out.flush();
        }
        return 0;
    }

    /** An unreachable store at start is not fatal: images wait in the spool until it answers. */
    private static void ensureBucket(ObjectStore store, PrintWriter out) {
        try {
            store.ensureBucket();
        } catch (RuntimeException e) {
            out.println("object store not ready (" + e.getMessage() + "); images wait in the spool");
            out.flush();
        }
    }
}
