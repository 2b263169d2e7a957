package io.ovr.alpr.edge.train;

import io.ovr.alpr.edge.reader.CtcReaderNet;
import java.nio.file.Path;

/**
 * Settings of one training run.
 *
 * @param target which model to train
 * @param dataDir the shared data folder (backgrounds, plates-br-labelled, plates-unlabelled);
 *                null trains on generated data only
 * @param outputDir where weights, checkpoints, the model card and metrics go
 * @param seed seed of every random choice (data and initial weights)
 * @param steps optimisation steps (batches) at most
 * @param batchSize examples per batch
 * @param learningRate Adam learning rate
 * @param checkpointEvery steps between checkpoints (0: none)
 * @param maxMinutes wall-clock budget; training stops at whichever of steps and time comes first
 * @param evalSize held-out synthetic examples measured at the end
 * @param initFrom weights to continue from (a checkpoint or a previous model), or null to start afresh
 * @param architecture the reader's network (ignored for the detector)
 * @param readerWidths channels of the CTC reader's convolutions, or null for those of
 *                     {@code initFrom} (or {@link CtcReaderNet.Widths#NARROW} afresh); wider than
 *                     {@code initFrom}'s, its weights are widened without changing its output
 *                     ({@link Widening})
 */
public record TrainConfig(Target target, Path dataDir, Path outputDir, long seed, int steps, int batchSize,
                          double learningRate, int checkpointEvery, double maxMinutes, int evalSize, Path initFrom,
                          ReaderArchitecture architecture, CtcReaderNet.Widths readerWidths) {

    /** The reader networks: CRNN-style convolutions with CTC, or the fixed-slot multi-head classifier. */
    public enum ReaderArchitecture { CTC, SLOTS }

    /** A file of this name in the output folder ends training early (weights, card and metrics are still written). */
    public static final String STOP_FILE = "STOP";

    /** The trainable models. */
    public enum Target { READER, DETECTOR }

    /** Defaults for a real run of {@code target}. */
    public static TrainConfig defaults(Target target, Path dataDir, Path outputDir) {
        return target == Target.READER
                ? new TrainConfig(target, dataDir, outputDir, 42, 100_000, 32, 1.5e-3, 250, 45, 2000, null,
                        ReaderArchitecture.CTC, null)
                : new TrainConfig(target, dataDir, outputDir, 42, 20_000, 16, 1e-3, 250, 30, 400, null,
                        ReaderArchitecture.CTC, null);
    }
}
