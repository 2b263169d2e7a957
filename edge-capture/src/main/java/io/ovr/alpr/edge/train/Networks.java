package io.ovr.alpr.edge.train;

import io.ovr.alpr.edge.nn.NativeConvolution;
import java.io.IOException;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/** Starts a network afresh or from saved weights (continuing with the configured learning rate). */
final class Networks {

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
}
