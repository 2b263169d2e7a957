package io.ovr.alpr.edge.reader;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * CTC as a DL4J loss for a {@code CnnLossLayer} over {@code [n, classes, 1, frames]}: DL4J hands
 * it 2-d arrays of {@code n * frames} rows (row {@code i * frames + t}). The labels array has the
 * same shape; example {@code i}'s label sequence is one-hot in its first rows, then zero rows.
 * The layer's activation must be the identity: the loss applies the softmax itself.
 */
public final class CtcLossFunction implements ILossFunction {

    private static final long serialVersionUID = 1L;

    @JsonProperty("frames")
    private final int frames;

    @JsonCreator
    public CtcLossFunction(@JsonProperty("frames") int frames) {
        this.frames = frames;
    }

    public int frames() {
        return frames;
    }

    private double[] lossesAndGradient(INDArray labels, INDArray preOutput, INDArray gradOut) {
        int rows = (int) preOutput.size(0);
        int classes = (int) preOutput.size(1);
        int n = rows / frames;
        float[][] logits = preOutput.toFloatMatrix();
        float[][] lab = labels.toFloatMatrix();
        double[] losses = new double[n];
        double[][] grad = new double[frames][classes];
        for (int i = 0; i < n; i++) {
            float[][] x = new float[frames][];
            System.arraycopy(logits, i * frames, x, 0, frames);
            losses[i] = Ctc.lossAndGradient(x, label(lab, i * frames), grad);
            if (gradOut != null) {
                for (int t = 0; t < frames; t++) {
                    for (int c = 0; c < classes; c++) {
                        gradOut.putScalar(i * frames + t, c, grad[t][c]);
                    }
                }
            }
        }
        return losses;
    }

    private int[] label(float[][] lab, int start) {
        int len = 0;
        while (len < frames && rowMax(lab[start + len]) >= 0) {
            len++;
        }
        int[] out = new int[len];
        for (int s = 0; s < len; s++) {
            out[s] = rowMax(lab[start + s]);
        }
        return out;
    }

    private static int rowMax(float[] row) {
        for (int c = 0; c < row.length; c++) {
            if (row[c] > 0.5f) {
                return c;
            }
        }
        return -1;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double[] losses = lossesAndGradient(labels, preOutput, null);
        double sum = 0;
        for (double l : losses) {
            sum += l;
        }
        return average ? sum / Math.max(1, losses.length) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        double[] losses = lossesAndGradient(labels, preOutput, null);
        INDArray out = Nd4j.zeros(preOutput.dataType(), preOutput.size(0), 1);
        for (int i = 0; i < losses.length; i++) {
            out.putScalar(i * frames, 0, losses[i]);
        }
        return out;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray grad = Nd4j.zeros(preOutput.dataType(), preOutput.shape());
        lossesAndGradient(labels, preOutput, grad);
        return grad;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        INDArray grad = Nd4j.zeros(preOutput.dataType(), preOutput.shape());
        double[] losses = lossesAndGradient(labels, preOutput, grad);
        double sum = 0;
        for (double l : losses) {
            sum += l;
        }
        return new Pair<>(average ? sum / Math.max(1, losses.length) : sum, grad);
    }

    @Override
    public String name() {
        return "CTC";
    }

    @Override
    public String toString() {
        return "CtcLossFunction(frames=" + frames + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CtcLossFunction c && c.frames == frames;
    }

    @Override
    public int hashCode() {
        return frames;
    }
}
