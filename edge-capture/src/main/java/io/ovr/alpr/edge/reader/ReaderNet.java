package io.ovr.alpr.edge.reader;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The reader network: a fixed-slot multi-head classifier. A shared convolutional trunk looks
 * at the whole grey plate crop ({@value #HEIGHT}x{@value #WIDTH}); {@value #SLOTS} softmax heads
 * each name the character in their slot (left-aligned, blank when the plate is shorter).
 * No character segmentation.
 */
public final class ReaderNet {

    public static final int HEIGHT = 32;
    public static final int WIDTH = 96;
    public static final int SLOTS = 8;

    private ReaderNet() {
    }

    public static String head(int slot) {
        return "slot" + slot;
    }

    public static ComputationGraph build(long seed, double learningRate) {
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(HEIGHT, WIDTH, 1));
        String last = convBlock(b, "c1", 16, "in");
        last = pool(b, "p1", last);
        last = convBlock(b, "c2", 24, last);
        last = pool(b, "p2", last);
        last = convBlock(b, "c3", 48, last);
        last = pool(b, "p3", last);
        last = convBlock(b, "c4", 64, last);
        b.addLayer("fc", new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build(), last);
        String[] outs = new String[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            outs[i] = head(i);
            b.addLayer(outs[i], new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nOut(Alphabet.CLASSES).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), "fc");
        }
        b.setOutputs(outs);
        ComputationGraph net = new ComputationGraph(b.build());
        net.init();
        return net;
    }

    private static String convBlock(ComputationGraphConfiguration.GraphBuilder b, String name, int channels, String in) {
        b.addLayer(name, new ConvolutionLayer.Builder(3, 3).nOut(channels).activation(Activation.RELU).build(), in);
        return name;
    }

    private static String pool(ComputationGraphConfiguration.GraphBuilder b, String name, String in) {
        b.addLayer(name, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).build(), in);
        return name;
    }
}
