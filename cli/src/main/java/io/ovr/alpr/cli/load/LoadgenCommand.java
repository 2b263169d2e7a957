package io.ovr.alpr.cli.load;

import io.ovr.alpr.cli.DurationConverter;
import io.ovr.alpr.cli.options.KafkaOptions;
import io.ovr.alpr.cli.options.RegistryOptions;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alpr loadgen}: realistic reads into {@code alpr.detections.raw} at a fixed rate against any
 * cluster and registry, and a summary of what it sent by the fate the topology will give each read.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true,
        description = "Send realistic plate reads (passes, misreads, hotlisted plates, invalid reads) at a fixed rate.")
public final class LoadgenCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;
    @Mixin
    RegistryOptions registry;

    @Option(names = "--rate", defaultValue = "${env:ALPR_LOADGEN_RATE:-1000}",
            description = "Reads per second (env ALPR_LOADGEN_RATE, default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--cameras", defaultValue = "${env:ALPR_LOADGEN_CAMERAS:-20}",
            description = "Cameras cam-0 ... (env ALPR_LOADGEN_CAMERAS, default ${DEFAULT-VALUE}).")
    int cameras;

    @Option(names = "--plates", defaultValue = "${env:ALPR_LOADGEN_PLATES:-10000}",
            description = "Distinct plates, in the formats of BR, DE, GB, FR, US-CA, IT, ES, NL, PL (env"
                    + " ALPR_LOADGEN_PLATES, default ${DEFAULT-VALUE}).")
    int plates;

    @Option(names = "--duplicates", defaultValue = "${env:ALPR_LOADGEN_DUPLICATES:-3}",
            description = "Reads per vehicle pass (env ALPR_LOADGEN_DUPLICATES, default ${DEFAULT-VALUE}).")
    int duplicates;

    @Option(names = "--hotlist-rate", defaultValue = "${env:ALPR_LOADGEN_HOTLIST_RATE:-0.01}",
            description = "Share of passes of hotlisted plates, 0..1 (env ALPR_LOADGEN_HOTLIST_RATE, default"
                    + " ${DEFAULT-VALUE}).")
    double hotlistRate;

    @Option(names = "--invalid-rate", defaultValue = "${env:ALPR_LOADGEN_INVALID_RATE:-0.01}",
            description = "Share of invalid reads (empty, too short, low confidence, future time), 0..1 (env"
                    + " ALPR_LOADGEN_INVALID_RATE, default ${DEFAULT-VALUE}).")
    double invalidRate;

    @Option(names = "--misread-rate", defaultValue = "${env:ALPR_LOADGEN_MISREAD_RATE:-0.05}",
            description = "Share of reads with a confusable character swapped (0/O, 1/I, 5/S, 8/B, 2/Z, 6/G), 0..1 (env"
                    + " ALPR_LOADGEN_MISREAD_RATE, default ${DEFAULT-VALUE}).")
    double misreadRate;

    @Option(names = "--duration", converter = DurationConverter.class,
            defaultValue = "${env:ALPR_LOADGEN_DURATION:-60s}",
            description = "How long to send (env ALPR_LOADGEN_DURATION, default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--seed", defaultValue = "${env:ALPR_LOADGEN_SEED:-42}",
            description = "Random seed: the same seed gives the same plates and passes (env ALPR_LOADGEN_SEED,"
                    + " default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--register-world", negatable = true, defaultValue = "${env:ALPR_LOADGEN_REGISTER_WORLD:-true}",
            fallbackValue = "true",
            description = "First put the cameras on alpr.cameras and the hotlisted plates on alpr.hotlist (env"
                    + " ALPR_LOADGEN_REGISTER_WORLD, default ${DEFAULT-VALUE}).")
    boolean registerWorld;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (rate < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate must be at least 1");
        }
        RealisticReads generator;
        try {
            generator = new RealisticReads(RealisticReads.Profile.defaults().withCameras(cameras).withPlates(plates)
                    .withReadsPerPass(duplicates).withShares(hotlistRate, invalidRate, misreadRate).withSeed(seed));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), registry.client(), SerdeOptions.values());
        AtomicBoolean stop = new AtomicBoolean();
        Thread hook = new Thread(() -> stop.set(true), "loadgen-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (LoadGenerator load = new LoadGenerator(kafka.bootstrapServers, topics)) {
            if (registerWorld) {
                load.registerWorld(generator);
                out.printf("registered %d cameras and %d hotlisted plates%n", cameras, generator.hotlist().size());
            }
            out.printf("sending %,d reads/s to %s on %s for %s ...%n", rate, AlprTopics.DETECTIONS_RAW,
                    kafka.bootstrapServers, duration);
            out.flush();
            LoadGenerator.Sent sent = load.run(generator, rate, duration, stop, read -> { });
            out.printf("sent %,d reads in %.1f s (%,.0f/s): %,d to be enriched, %,d duplicates of their pass, %,d"
                            + " invalid (DLQ); %,d of hotlisted plates, %,d misread%n", sent.reads(), sent.seconds(),
                    sent.rate(), sent.byFate().getOrDefault(RealisticReads.Fate.ENRICHED, 0L),
                    sent.byFate().getOrDefault(RealisticReads.Fate.SUPPRESSED, 0L),
                    sent.byFate().getOrDefault(RealisticReads.Fate.DEAD, 0L), sent.hotlisted(), sent.misread());
            out.flush();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook has run: the loop stopped on it
            }
        }
        return 0;
    }
}
