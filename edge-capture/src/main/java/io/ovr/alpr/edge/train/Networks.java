package io.ovr.alpr.edge.train;

import io.ovr.alpr.edge.nn.NativeConvolution;
import io.ovr.alpr.edge.reader.CtcReaderNet;
import java.io.IOException;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a network afresh or from saved weights (continuing with the configured learning rate). */
final class Networks {

    private static final Logger LOG = LoggerFactory.getLogger(Networks.class);

    private Networks() {
    }

    static ComputationGraph initial(TrainConfig config, Supplier<ComputationGraph> fresh) throws IOException {
        if (config.initFrom() == null) {
            return NativeConvolution.install(fresh.get());
        }
        ComputationGraph net = ModelSerializer.restoreComputationGraph(config.initFrom().toFile(), true);
        net.setLearningRate(config.learningRate());
        return NativeConvolution.install(net);
    }

    /**
     * The CTC reader to train: afresh, as {@code initFrom}, or {@code initFrom} widened to
     * {@link TrainConfig#readerWidths()} when those are wider (a fresh Adam state then).
     */
    static ComputationGraph ctcReader(TrainConfig config) throws IOException {
        CtcReaderNet.Widths widths = config.readerWidths();
        ComputationGraph net = initial(config, () -> CtcReaderNet.build(config.seed(), config.learningRate(),
                widths == null ? CtcReaderNet.Widths.NARROW : widths));
        if (widths == null || widths.equals(CtcReaderNet.widthsOf(net))) {
            return net;
        }
        ComputationGraph wide = CtcReaderNet.build(config.seed(), config.learningRate(), widths);
        LOG.info("widening the reader from {} to {} parameters ({})", net.numParams(), wide.numParams(), widths);
        return NativeConvolution.install(Widening.widen(net, wide, config.seed()));
    }
}
