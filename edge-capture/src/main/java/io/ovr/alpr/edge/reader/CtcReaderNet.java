package io.ovr.alpr.edge.reader;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The CTC reader network (a convolutional CRNN without the recurrent part): convolutions over
 * the whole grey crop ({@value ReaderNet#HEIGHT}x{@value ReaderNet#WIDTH}) down to one row of
 * {@value #FRAMES} frames, a 1x3 convolution for context along the plate, and per frame the
 * logits of the {@link Alphabet#CLASSES} classes (blank included), trained with CTC. No
 * character segmentation and no fixed number of characters.
 */
public final class CtcReaderNet {

    /** Output frames along the plate (width / 4). */
    public static final int FRAMES = ReaderNet.WIDTH / 4;

    private CtcReaderNet() {
    }

    /**
     * Output channels of the six convolutions (the four 3x3 ones, the height-collapsing one, the
     * 1x3 context one).
     */
    public record Widths(int c1, int c2, int c3, int c4, int c5, int c6) {

        /** The widths of the first reader trained here (runs 1-6 of the model card). */
        public static final Widths NARROW = new Widths(12, 24, 32, 48, 64, 64);

        public Widths {
            for (int w : new int[] {c1, c2, c3, c4, c5, c6}) {
                if (w < 1 || w > 1024) {
                    throw new IllegalArgumentException("a width must be in 1..1024: " + w);
                }
            }
        }

        /** {@code 12,24,32,48,64,64}. */
        public static Widths parse(String text) {
            String[] parts = text.split(",");
            if (parts.length != 6) {
                throw new IllegalArgumentException("need six comma-separated widths: " + text);
            }
            int[] w = new int[6];
            for (int i = 0; i < 6; i++) {
                try {
                    w[i] = Integer.parseInt(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a channel count: '" + parts[i].trim() + "' in " + text);
                }
            }
            return new Widths(w[0], w[1], w[2], w[3], w[4], w[5]);
        }

        @Override
        public String toString() {
            return c1 + "," + c2 + "," + c3 + "," + c4 + "," + c5 + "," + c6;
        }
    }

    /** The widths of a built or loaded CTC reader. */
    public static Widths widthsOf(ComputationGraph net) {
        int[] w = new int[6];
        for (int i = 0; i < 6; i++) {
            w[i] = (int) net.getLayer("c" + (i + 1)).getParam("W").size(0);
        }
        return new Widths(w[0], w[1], w[2], w[3], w[4], w[5]);
    }

    public static ComputationGraph build(long seed, double learningRate) {
        return build(seed, learningRate, Widths.NARROW);
    }

    public static ComputationGraph build(long seed, double learningRate, Widths widths) {
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(ReaderNet.HEIGHT, ReaderNet.WIDTH, 1));
        conv(b, "c1", widths.c1(), 3, 3, "in");
        pool(b, "p1", 2, 2, "c1");
        conv(b, "c2", widths.c2(), 3, 3, "p1");
        pool(b, "p2", 2, 2, "c2");
        conv(b, "c3", widths.c3(), 3, 3, "p2");
        pool(b, "p3", 2, 1, "c3");
        conv(b, "c4", widths.c4(), 3, 3, "p3");
        b.addLayer("c5", new ConvolutionLayer.Builder(ReaderNet.HEIGHT / 8, 1).nOut(widths.c5())
                .convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).build(), "c4");
        conv(b, "c6", widths.c6(), 1, 3, "c5");
        b.addLayer("logits", new ConvolutionLayer.Builder(1, 1).nOut(Alphabet.CLASSES).activation(Activation.IDENTITY)
                .weightInit(WeightInit.XAVIER).build(), "c6");
        b.addLayer("out", new CnnLossLayer.Builder(new CtcLossFunction(FRAMES)).activation(Activation.IDENTITY).build(),
                "logits");
        b.setOutputs("out");
        ComputationGraph net = new ComputationGraph(b.build());
        net.init();
        return net;
    }

    private static void conv(ComputationGraphConfiguration.GraphBuilder b, String name, int channels, int kh, int kw,
                             String in) {
        b.addLayer(name, new ConvolutionLayer.Builder(kh, kw).nOut(channels).activation(Activation.RELU).build(), in);
    }

    private static void pool(ComputationGraphConfiguration.GraphBuilder b, String name, int kh, int kw, String in) {
        b.addLayer(name, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(kh, kw).stride(kh, kw).build(), in);
    }
}
