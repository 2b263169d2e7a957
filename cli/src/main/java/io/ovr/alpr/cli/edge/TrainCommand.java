package io.ovr.alpr.cli.edge;

import io.ovr.alpr.edge.reader.CtcReaderNet;
import io.ovr.alpr.edge.train.TrainConfig;
import io.ovr.alpr.edge.train.TrainResult;
import io.ovr.alpr.edge.train.Trainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code alpr train reader|detector}: trains a model on rendered plates and the real data folder,
 * logging progress, writing checkpoints, and finally the weights, a model card and metrics.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the plate reader or detector (weights, checkpoints, model card, metrics).")
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "reader|detector", description = "Which model to train.")
    TrainConfig.Target target;

    @Option(names = "--data-dir", defaultValue = "${env:ALPR_TRAIN_DATA_DIR:-../shared/data}",
            description = "Real data: backgrounds, plates-br-labelled, plates-unlabelled (env ALPR_TRAIN_DATA_DIR, "
                    + "default ${DEFAULT-VALUE}). bench-br in it is never read.")
    Path dataDir;

    @Option(names = "--output-dir", defaultValue = "${env:ALPR_TRAIN_OUTPUT_DIR:-target/train}",
            description = "Where weights, checkpoints, card and metrics go (env ALPR_TRAIN_OUTPUT_DIR, default ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = "--steps", defaultValue = "${env:ALPR_TRAIN_STEPS}",
            description = "Optimisation steps at most (env ALPR_TRAIN_STEPS; default per model).")
    Integer steps;

    @Option(names = "--batch-size", defaultValue = "${env:ALPR_TRAIN_BATCH_SIZE}",
            description = "Examples per step (env ALPR_TRAIN_BATCH_SIZE; default per model).")
    Integer batchSize;

    @Option(names = "--learning-rate", defaultValue = "${env:ALPR_TRAIN_LEARNING_RATE}",
            description = "Adam learning rate (env ALPR_TRAIN_LEARNING_RATE; default per model).")
    Double learningRate;

    @Option(names = "--seed", defaultValue = "${env:ALPR_TRAIN_SEED:-42}",
            description = "Seed of data and initial weights (env ALPR_TRAIN_SEED, default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-minutes", defaultValue = "${env:ALPR_TRAIN_MAX_MINUTES}",
            description = "Wall-clock budget; stops at whichever of steps and time comes first (env ALPR_TRAIN_MAX_MINUTES).")
    Double maxMinutes;

    @Option(names = "--checkpoint-every", defaultValue = "${env:ALPR_TRAIN_CHECKPOINT_EVERY}",
            description = "Steps between checkpoints, 0 for none (env ALPR_TRAIN_CHECKPOINT_EVERY).")
    Integer checkpointEvery;

    @Option(names = "--eval-size", defaultValue = "${env:ALPR_TRAIN_EVAL_SIZE}",
            description = "Held-out synthetic examples measured at the end (env ALPR_TRAIN_EVAL_SIZE).")
    Integer evalSize;

    @Option(names = "--init-from", paramLabel = "FILE", defaultValue = "${env:ALPR_TRAIN_INIT_FROM}",
            description = "Continue from these weights (a checkpoint or a model) (env ALPR_TRAIN_INIT_FROM).")
    Path initFrom;

    @Option(names = "--architecture", defaultValue = "${env:ALPR_TRAIN_ARCHITECTURE:-ctc}",
            description = "Reader network: ctc or slots (env ALPR_TRAIN_ARCHITECTURE, default ${DEFAULT-VALUE}).")
    TrainConfig.ReaderArchitecture architecture;

    @Option(names = "--reader-widths", paramLabel = "C1,C2,C3,C4,C5,C6", defaultValue = "${env:ALPR_TRAIN_READER_WIDTHS}",
            description = "Channels of the CTC reader's six convolutions (default: those of --init-from, else 12,24,32,48,64,64);"
                    + " wider than --init-from's, its weights are widened without changing its output (env ALPR_TRAIN_READER_WIDTHS).")
    String readerWidths;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainConfig d = TrainConfig.defaults(target, dataDir, outputDir);
        CtcReaderNet.Widths widths;
        try {
            widths = readerWidths == null ? null : CtcReaderNet.Widths.parse(readerWidths);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reader-widths: " + e.getMessage());
        }
        TrainConfig c = new TrainConfig(target, dataDir, outputDir, seed, or(steps, d.steps()),
                or(batchSize, d.batchSize()), or(learningRate, d.learningRate()),
                or(checkpointEvery, d.checkpointEvery()), or(maxMinutes, d.maxMinutes()), or(evalSize, d.evalSize()),
                initFrom, architecture, widths);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("training the %s into %s (stop early: touch %s)%n", target.name().toLowerCase(java.util.Locale.ROOT),
                outputDir.toAbsolutePath(), outputDir.resolve(TrainConfig.STOP_FILE));
        out.flush();
        TrainResult r = new Trainer(c).run();
        out.printf("%d steps; weights %s%n", r.steps(), r.model());
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            out.printf("  %-36s %.4f%n", e.getKey(), e.getValue());
        }
        out.flush();
        return 0;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
