package io.ovr.alpr.edge.detect;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The detector network: a small fully-convolutional net over a downscaled grey frame that gives,
 * per 4x4 cell, the probability that the cell lies on a plate. An encoder to stride 8 (with
 * dilated convolutions for a receptive field of about 90 px) is upsampled and merged with the
 * stride-4 features, so boxes keep a 4-pixel resolution.
 */
public final class DetectorNet {

    /** Pixels of input per output cell. */
    public static final int STRIDE = 4;
    /** Width frames are scaled to before detection. */
    public static final int INPUT_WIDTH = 192;

    private DetectorNet() {
    }

    public static ComputationGraph build(long seed, double learningRate) {
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(112, INPUT_WIDTH, 1));
        conv(b, "c1", 8, 2, 1, "in");
        conv(b, "c2", 16, 2, 1, "c1");
        conv(b, "c3", 16, 1, 1, "c2");
        conv(b, "c4", 32, 2, 1, "c3");
        conv(b, "c5", 32, 1, 2, "c4");
        conv(b, "c6", 32, 1, 2, "c5");
        b.addLayer("up", new Upsampling2D.Builder(2).build(), "c6");
        b.addVertex("merge", new MergeVertex(), "up", "c3");
        b.addLayer("c7", new ConvolutionLayer.Builder(1, 1).nOut(16).activation(Activation.RELU).build(), "merge");
        conv(b, "c8", 16, 1, 1, "c7");
        b.addLayer("logit", new ConvolutionLayer.Builder(1, 1).nOut(1).activation(Activation.IDENTITY)
                .weightInit(WeightInit.XAVIER).build(), "c8");
        b.addLayer("out", new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT)
                .activation(Activation.SIGMOID).build(), "logit");
        b.setOutputs("out");
        ComputationGraph net = new ComputationGraph(b.build());
        net.init();
        return net;
    }

    private static void conv(ComputationGraphConfiguration.GraphBuilder b, String name, int channels, int stride,
                             int dilation, String in) {
        b.addLayer(name, new ConvolutionLayer.Builder(3, 3).nOut(channels).stride(stride, stride)
                .dilation(dilation, dilation).activation(Activation.RELU).build(), in);
    }
}
