package io.ovr.alpr.edge.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovr.alpr.edge.reader.CtcReaderNet;
import io.ovr.alpr.edge.reader.ReaderNet;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class WideningTest {

    @Test
    void shouldKeepAReadersOutputWithMoreChannels() {
        ComputationGraph trained = narrow();
        CtcReaderNet.Widths widths = new CtcReaderNet.Widths(16, 32, 48, 96, 128, 128);
        ComputationGraph wide = Widening.widen(trained, CtcReaderNet.build(3, 1e-4, widths), 3);
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 1, ReaderNet.HEIGHT, ReaderNet.WIDTH);

        INDArray expected = trained.outputSingle(x);
        INDArray actual = wide.outputSingle(x);

        assertThat(wide.numParams()).isGreaterThan(2 * trained.numParams());
        assertThat(actual.shape()).isEqualTo(expected.shape());
        assertThat(expected.sub(actual).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue())
                .isLessThan(1e-5);
        assertThat(wide.getConfiguration().getIterationCount())
                .isEqualTo(trained.getConfiguration().getIterationCount());
    }

    @Test
    void shouldSplitACopiedChannelsOutgoingWeightsUnequallySoTheCopiesCanDriftApart() {
        ComputationGraph trained = narrow();
        ComputationGraph wide = Widening.widen(trained,
                CtcReaderNet.build(3, 1e-4, new CtcReaderNet.Widths(12, 24, 32, 48, 64, 128)), 5);

        // c6 has 64 new channels, each a copy of an old one; logits reads them with split weights
        INDArray logits = wide.getLayer("logits").getParam("W");
        INDArray oldLogits = trained.getLayer("logits").getParam("W");
        INDArray summed = Nd4j.zeros(DataType.FLOAT, oldLogits.shape());
        INDArray c6 = wide.getLayer("c6").getParam("W");
        INDArray oldC6 = trained.getLayer("c6").getParam("W");
        int copies = 0;
        for (int j = 0; j < 128; j++) {
            int source = j;
            if (j >= 64) {
                source = -1;
                for (int k = 0; k < 64 && source < 0; k++) {
                    if (c6.slice(j).equals(oldC6.slice(k))) {
                        source = k;
                    }
                }
                copies++;
            }
            assertThat(source).isGreaterThanOrEqualTo(0);
            summed.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(source))
                    .addi(logits.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                            org.nd4j.linalg.indexing.NDArrayIndex.point(j)));
        }
        assertThat(copies).isEqualTo(64);
        assertThat(summed.sub(oldLogits).amaxNumber().doubleValue()).isLessThan(1e-5);
        assertThat(logits.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 64)).equalsWithEps(
                oldLogits, 1e-6)).isFalse();
    }

    @Test
    void shouldRefuseANarrowerNetwork() {
        ComputationGraph trained = narrow();

        assertThatThrownBy(() -> Widening.widen(trained,
                CtcReaderNet.build(3, 1e-4, new CtcReaderNet.Widths(12, 24, 32, 40, 64, 64)), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c4");
    }

    @Test
    void networksShouldWidenTheReaderItContinuesFromOnlyWhenWiderWidthsAreAsked(@TempDir Path dir) throws Exception {
        ComputationGraph trained = narrow();
        Path file = dir.resolve("narrow.zip");
        ModelSerializer.writeModel(trained, file.toFile(), true);
        CtcReaderNet.Widths widths = new CtcReaderNet.Widths(16, 32, 48, 96, 128, 128);
        TrainConfig d = TrainConfig.defaults(TrainConfig.Target.READER, null, dir);
        Nd4j.getRandom().setSeed(12);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, ReaderNet.HEIGHT, ReaderNet.WIDTH);

        ComputationGraph widened = Networks.ctcReader(config(d, file, widths));
        ComputationGraph same = Networks.ctcReader(config(d, file, CtcReaderNet.Widths.NARROW));
        ComputationGraph kept = Networks.ctcReader(config(d, file, null));

        INDArray expected = trained.outputSingle(x);
        assertThat(CtcReaderNet.widthsOf(widened)).isEqualTo(widths);
        assertThat(widened.outputSingle(x).sub(expected).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue())
                .isLessThan(1e-5);
        assertThat(CtcReaderNet.widthsOf(same)).isEqualTo(CtcReaderNet.Widths.NARROW);
        assertThat(same.numParams()).isEqualTo(trained.numParams());
        assertThat(CtcReaderNet.widthsOf(kept)).isEqualTo(CtcReaderNet.Widths.NARROW);
        assertThat(kept.outputSingle(x).sub(expected).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue())
                .isLessThan(1e-5);
    }

    private static TrainConfig config(TrainConfig d, Path initFrom, CtcReaderNet.Widths widths) {
        return new TrainConfig(d.target(), d.dataDir(), d.outputDir(), 5, d.steps(), d.batchSize(), 1e-4,
                d.checkpointEvery(), d.maxMinutes(), d.evalSize(), initFrom, TrainConfig.ReaderArchitecture.CTC, widths);
    }

    /** A reader of the first widths (12,24,32,48,64,64), with its iteration count moved on as a trained one's. */
    private static ComputationGraph narrow() {
        ComputationGraph net = CtcReaderNet.build(17, 1e-3, CtcReaderNet.Widths.NARROW);
        net.getConfiguration().setIterationCount(1234);
        return net;
    }
}
