package io.ovr.alpr.edge.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Entry point of {@code alpr train reader|detector}: trains one model from a {@link TrainConfig}
 * with progress logging, periodic checkpoints and a fixed seed, then measures it on held-out
 * data and writes the weights, a model card and a metrics JSON into the output folder.
 */
public final class Trainer {

    private final TrainConfig config;

    public Trainer(TrainConfig config) {
        this.config = config;
    }

    public TrainResult run() throws IOException, InterruptedException {
        return switch (config.target()) {
            case READER -> new ReaderTrainer(config).run();
            case DETECTOR -> new DetectorTrainer(config).run();
        };
    }

    /** {@code Trainer reader|detector DATA_DIR OUT_DIR [maxMinutes] [steps] [seed] [learningRate] [initFrom|-] [ctc|slots]}. */
    public static void main(String[] args) throws Exception {
        TrainConfig.Target target = TrainConfig.Target.valueOf(args[0].toUpperCase(Locale.ROOT));
        TrainConfig d = TrainConfig.defaults(target, Path.of(args[1]), Path.of(args[2]));
        TrainConfig c = new TrainConfig(target, d.dataDir(), d.outputDir(),
                args.length > 5 ? Long.parseLong(args[5]) : d.seed(),
                args.length > 4 ? Integer.parseInt(args[4]) : d.steps(), d.batchSize(),
                args.length > 6 ? Double.parseDouble(args[6]) : d.learningRate(),
                d.checkpointEvery(), args.length > 3 ? Double.parseDouble(args[3]) : d.maxMinutes(), d.evalSize(),
                args.length > 7 && !"-".equals(args[7]) ? Path.of(args[7]) : null,
                args.length > 8 ? TrainConfig.ReaderArchitecture.valueOf(args[8].toUpperCase(Locale.ROOT)) : d.architecture(),
                null);
        TrainResult r = new Trainer(c).run();
        System.out.println(r);
    }
}
