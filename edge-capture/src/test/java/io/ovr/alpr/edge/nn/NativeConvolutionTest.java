package io.ovr.alpr.edge.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.edge.detect.DetectorNet;
import io.ovr.alpr.edge.reader.Alphabet;
import io.ovr.alpr.edge.reader.CtcReaderNet;
import io.ovr.alpr.edge.reader.ReaderNet;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NativeConvolutionTest {

    /** The shipped networks give the same outputs, loss and gradients with and without the native helpers. */
    @ParameterizedTest
    @CsvSource({"reader.zip, 8, 1, " + ReaderNet.HEIGHT + ", " + ReaderNet.WIDTH,
            "detector.zip, 2, 1, 112, " + DetectorNet.INPUT_WIDTH})
    void shouldGiveTheSameOutputsAndGradientsAsDl4jsOwnPath(String model, long n, long c, long h, long w)
            throws IOException {
        ComputationGraph plain = load(model);
        ComputationGraph fast = NativeConvolution.install(load(model));
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, c, h, w);

        INDArray expected = plain.outputSingle(x);
        INDArray actual = fast.outputSingle(x);
        INDArray labels = labels(model, expected);
        plain.setInputs(x);
        plain.setLabels(labels);
        plain.computeGradientAndScore();
        fast.setInputs(x);
        fast.setLabels(labels);
        fast.computeGradientAndScore();

        assertThat(helpers(plain)).isZero();
        assertThat(helpers(fast)).isGreaterThanOrEqualTo(5);
        assertThat(relativeDifference(expected, actual)).isLessThan(1e-5);
        assertThat(fast.score()).isCloseTo(plain.score(), org.assertj.core.data.Percentage.withPercentage(1e-4));
        assertThat(relativeDifference(plain.gradient().gradient(), fast.gradient().gradient())).isLessThan(1e-5);
    }

    private static INDArray labels(String model, INDArray output) {
        if (!model.startsWith("reader")) {
            return output.gt(0.5).castTo(DataType.FLOAT);
        }
        // CTC: a 7-character label sequence one-hot in the first frames
        INDArray labels = Nd4j.zeros(DataType.FLOAT, output.size(0), Alphabet.CLASSES, 1, CtcReaderNet.FRAMES);
        for (int i = 0; i < output.size(0); i++) {
            for (int s = 0; s < 7; s++) {
                labels.putScalar(new long[] {i, (i + 3 * s) % (Alphabet.CLASSES - 1), 0, s}, 1f);
            }
        }
        return labels;
    }

    /** Layers that run through a helper (DL4J installs none on the plain nd4j-native build). */
    private static long helpers(ComputationGraph net) {
        return Arrays.stream(net.getLayers()).filter(l -> l.getHelper() != null).count();
    }

    private static double relativeDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue() / a.amaxNumber().doubleValue();
    }

    private static ComputationGraph load(String model) throws IOException {
        try (InputStream in = NativeConvolutionTest.class.getResourceAsStream("/models/" + model)) {
            return ModelSerializer.restoreComputationGraph(in, true);
        }
    }
}
