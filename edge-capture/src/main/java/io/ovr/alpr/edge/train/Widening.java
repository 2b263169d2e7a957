package io.ovr.alpr.edge.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Function-preserving widening of a chain of convolutions (Net2WiderNet, Chen, Goodfellow and
 * Shlens 2016): a trained network's weights are copied into a network of the same layers with more
 * channels, so training continues from the trained network's accuracy with more capacity.
 *
 * <p>A new channel repeats a randomly chosen old one (same incoming weights and bias). Because
 * ReLU and max pooling act per channel, the copies carry the same activation, and the next
 * convolution splits the old channel's outgoing weights among its copies in random proportions
 * that sum to one: the output is unchanged, and the copies get different gradients, so they
 * drift apart in training. Layers that are not convolutions (pooling, the loss) pass channels on
 * unchanged.
 */
final class Widening {

    private Widening() {
    }

    /**
     * Copies {@code from} into {@code to}, whose convolutions (same names, kernels and order) have
     * at least as many channels; the first convolution's input and the last one's output must
     * be the same size in both. Returns {@code to}.
     */
    static ComputationGraph widen(ComputationGraph from, ComputationGraph to, long seed) {
        Random rnd = new Random(seed);
        int[] inMap = null;
        double[] inShare = null;
        List<String> order = new ArrayList<>();
        for (int v : to.topologicalSortOrder()) {
            order.add(to.getVertices()[v].getVertexName());
        }
        String last = order.stream().filter(n -> to.getLayer(n) instanceof ConvolutionLayer)
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalArgumentException("no convolution"));
        for (String name : order) {
            Layer target = to.getLayer(name);
            if (!(target instanceof ConvolutionLayer)) {
                continue;
            }
            Layer source = from.getLayer(name);
            if (source == null) {
                throw new IllegalArgumentException("the trained network has no layer " + name);
            }
            INDArray oldW = source.getParam(ConvolutionParamInitializer.WEIGHT_KEY);
            INDArray oldB = source.getParam(ConvolutionParamInitializer.BIAS_KEY);
            INDArray newW = target.getParam(ConvolutionParamInitializer.WEIGHT_KEY);
            INDArray newB = target.getParam(ConvolutionParamInitializer.BIAS_KEY);
            int o = (int) oldW.size(0);
            int i = (int) oldW.size(1);
            int bigO = (int) newW.size(0);
            int bigI = (int) newW.size(1);
            int k = (int) (oldW.size(2) * oldW.size(3));
            if (newW.size(2) * newW.size(3) != k || bigO < o || bigI < i || (inMap == null ? bigI != i : bigI != inMap.length)
                    || name.equals(last) && bigO != o) {
                throw new IllegalArgumentException("layer " + name + " cannot be widened from " + shape(oldW) + " to "
                        + shape(newW));
            }
            if (inMap == null) {
                inMap = identity(i);
                inShare = ones(i);
            }
            int[] outMap = new int[bigO];
            for (int j = 0; j < bigO; j++) {
                outMap[j] = j < o ? j : rnd.nextInt(o);
            }
            float[] w = oldW.dup('c').data().asFloat();
            float[] b = oldB.dup('c').data().asFloat();
            float[] nw = new float[bigO * bigI * k];
            float[] nb = new float[bigO];
            for (int j = 0; j < bigO; j++) {
                nb[j] = b[outMap[j]];
                for (int c = 0; c < bigI; c++) {
                    for (int e = 0; e < k; e++) {
                        nw[(j * bigI + c) * k + e] = (float) (w[(outMap[j] * i + inMap[c]) * k + e] * inShare[c]);
                    }
                }
            }
            newW.assign(Nd4j.create(nw, newW.shape(), 'c'));
            newB.assign(Nd4j.create(nb, newB.shape(), 'c'));
            inMap = outMap;
            inShare = shares(outMap, o, rnd);
        }
        to.getConfiguration().setIterationCount(from.getConfiguration().getIterationCount());
        to.getConfiguration().setEpochCount(from.getConfiguration().getEpochCount());
        return to;
    }

    /** Per new channel, its part of its old channel's outgoing weights: random, summing to one over the copies. */
    private static double[] shares(int[] map, int old, Random rnd) {
        double[] draw = new double[map.length];
        double[] sum = new double[old];
        for (int j = 0; j < map.length; j++) {
            draw[j] = 0.5 + rnd.nextDouble();
            sum[map[j]] += draw[j];
        }
        double[] out = new double[map.length];
        for (int j = 0; j < map.length; j++) {
            out[j] = draw[j] / sum[map[j]];
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int j = 0; j < n; j++) {
            out[j] = j;
        }
        return out;
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1.0);
        return out;
    }

    private static String shape(INDArray a) {
        return java.util.Arrays.toString(a.shape());
    }
}
