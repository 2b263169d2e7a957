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

    public static ComputationGraph build(long seed, double learningRate) {
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(ReaderNet.HEIGHT, ReaderNet.WIDTH, 1));
        conv(b, "c1", 12, 3, 3, "in");
        pool(b, "p1", 2, 2, "c1");
        conv(b, "c2", 24, 3, 3, "p1");
        pool(b, "p2", 2, 2, "c2");
        conv(b, "c3", 32, 3, 3, "p2");
        pool(b, "p3", 2, 1, "c3");
        conv(b, "c4", 48, 3, 3, "p3");
        b.addLayer("c5", new ConvolutionLayer.Builder(ReaderNet.HEIGHT / 8, 1).nOut(64)
                .convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).build(), "c4");
        conv(b, "c6", 64, 1, 3, "c5");
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
