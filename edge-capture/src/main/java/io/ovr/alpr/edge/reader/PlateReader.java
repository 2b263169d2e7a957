package io.ovr.alpr.edge.reader;

import io.ovr.alpr.edge.image.ImageOps;
import io.ovr.alpr.edge.nn.NativeConvolution;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads whole plate crops with the trained {@link ReaderNet}: text, per-character confidences
 * and top-N candidates. Crops are read in batches (far faster than one at a time).
 * Not thread-safe: give each thread its own reader.
 */
public final class PlateReader {

    /** Where the shipped weights live on the classpath. */
    public static final String RESOURCE = "/models/reader.zip";

    private final ComputationGraph net;
    private final int topN;

    public PlateReader(ComputationGraph net, int topN) {
        this.net = NativeConvolution.install(net);
        this.topN = topN;
    }

    /** The reader shipped in the jar. */
    public static PlateReader bundled(int topN) {
        try (InputStream in = PlateReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no reader weights on the classpath at " + RESOURCE);
            }
            return new PlateReader(ModelSerializer.restoreComputationGraph(in, false), topN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PlateReader load(File file, int topN) {
        try {
            return new PlateReader(ModelSerializer.restoreComputationGraph(file, false), topN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ComputationGraph network() {
        return net;
    }

    /** An independent copy (own weights and workspaces) for another thread. */
    public PlateReader copy() {
        return new PlateReader(net.clone(), topN);
    }

    /** Reads each crop; the result list matches the input order. */
    public List<Reading> read(List<BufferedImage> crops) {
        List<Reading> out = new ArrayList<>(crops.size());
        for (int start = 0; start < crops.size(); start += 64) {
            List<BufferedImage> batch = crops.subList(start, Math.min(crops.size(), start + 64));
            INDArray[] heads = net.output(false, features(batch));
            for (int i = 0; i < batch.size(); i++) {
                out.add(ctc() ? Ctc.decode(frameLogits(heads[0], i), topN) : SlotDecoder.decode(slotProbabilities(heads, i), topN));
            }
        }
        return out;
    }

    public Reading read(BufferedImage crop) {
        return read(List.of(crop)).get(0);
    }

    /** The network input for a batch of crops: [n, 1, HEIGHT, WIDTH] grey in [0, 1]. */
    public static INDArray features(List<BufferedImage> crops) {
        int px = ReaderNet.HEIGHT * ReaderNet.WIDTH;
        float[] data = new float[crops.size() * px];
        for (int i = 0; i < crops.size(); i++) {
            ImageOps.toGrey(crops.get(i), ReaderNet.WIDTH, ReaderNet.HEIGHT, data, i * px);
        }
        for (int i = 0; i < crops.size(); i++) {
            standardize(data, i * px, px);
        }
        return Nd4j.create(data, new long[] {crops.size(), 1, ReaderNet.HEIGHT, ReaderNet.WIDTH}, 'c');
    }

    /** Zero mean, unit contrast per crop, so that lighting and exposure matter less. */
    static void standardize(float[] data, int offset, int length) {
        double sum = 0;
        double sq = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += data[i];
            sq += data[i] * data[i];
        }
        double mean = sum / length;
        double std = Math.sqrt(Math.max(0, sq / length - mean * mean)) + 0.05;
        for (int i = offset; i < offset + length; i++) {
            data[i] = (float) ((data[i] - mean) / std);
        }
    }

    /** Whether the network is the CTC reader (one output of per-frame logits) rather than fixed-slot heads. */
    public boolean ctc() {
        return net.getNumOutputArrays() == 1;
    }

    /** {@code [frames][classes]} logits of one example of a {@code [n, classes, 1, frames]} output. */
    private static float[][] frameLogits(INDArray out, int row) {
        INDArray ex = out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(row), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.all());
        return ex.transpose().toFloatMatrix();
    }

    private static float[][] slotProbabilities(INDArray[] heads, int row) {
        float[][] probs = new float[heads.length][];
        for (int s = 0; s < heads.length; s++) {
            probs[s] = heads[s].getRow(row).toFloatVector();
        }
        return probs;
    }
}
