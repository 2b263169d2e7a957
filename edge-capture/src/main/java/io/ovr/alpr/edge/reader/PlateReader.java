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
 * <p>
 * Two options, both for the CTC reader only: {@linkplain #withViews views} read each crop
 * several times, each time a slightly different cut of it ({@link #VIEWS}), and add up the
 * probability each view gives each text (a test-time ensemble: the network's reading changes
 * with where the plate's edges fall on its 96-px input); {@linkplain #withFormats plate
 * formats} keep only readings that fit the formats a camera can see.
 * Not thread-safe: give each thread its own reader.
 */
public final class PlateReader {

    /** Where the shipped weights live on the classpath. */
    public static final String RESOURCE = "/models/reader.zip";
    private static final int BATCH = 64;

    /**
     * The cuts {@code withViews(n)} reads, first {@code n} of them: the crop as it is; 3 % off
     * each side and 8 % off the top and bottom; 2 % off the left; 4 % off the right; 8 % off the
     * top; 3 % off the right and 12 % off the top and bottom. Chosen greedily (each the one that
     * added most), never on the sets the figures are reported on: the first four from 15 cuts on
     * 2,000 synthetic crops of the selection set ({@code --seed 43}); the last two from 36 cuts by
     * the fraction read right with formats of those crops plus that of the 901 real training crops
     * (there 89.95 % and 94.56 % with four views, 90.90 and 94.78 with five, 91.55 and 94.56 with
     * six). Cuts chosen on the synthetic crops alone took more off the top and bottom and read
     * fewer of the held-out real crops.
     */
    public static final List<View> VIEWS = List.of(new View(0, 0, 0, 0), new View(0.03, 0.03, 0.08, 0.08),
            new View(0.02, 0, 0, 0), new View(0, 0.04, 0, 0), new View(0, 0, 0.08, 0), new View(0, 0.03, 0.12, 0.12));

    /** Views read by default ({@code alpr edge --reader-views}): the first four of {@link #VIEWS}. */
    public static final int DEFAULT_VIEWS = 4;

    /** A cut of a crop: the fractions of its width and height taken off each side. */
    public record View(double left, double right, double top, double bottom) {

        public BufferedImage apply(BufferedImage crop) {
            int w = crop.getWidth();
            int h = crop.getHeight();
            int l = (int) Math.round(w * left);
            int r = (int) Math.round(w * right);
            int t = (int) Math.round(h * top);
            int b = (int) Math.round(h * bottom);
            if (l + r == 0 && t + b == 0 || w - l - r < 8 || h - t - b < 4) {
                return crop;
            }
            return crop.getSubimage(l, t, w - l - r, h - t - b);
        }
    }

    private final ComputationGraph net;
    private final int topN;
    private final PlateFormats formats;
    private final List<View> views;

    public PlateReader(ComputationGraph net, int topN) {
        this(net, topN, PlateFormats.ANY, 1);
    }

    /**
     * A reader that keeps only readings fitting {@code formats} and reads each crop through the
     * first {@code views} of {@link #VIEWS} (both CTC only: the fixed-slot network reads
     * with neither).
     */
    public PlateReader(ComputationGraph net, int topN, PlateFormats formats, int views) {
        this(NativeConvolution.install(net), formats, views, topN);
    }

    /** With {@code net}'s native convolutions already installed. */
    private PlateReader(ComputationGraph net, PlateFormats formats, int views, int topN) {
        this.net = net;
        this.topN = topN;
        this.formats = formats;
        if (views < 1 || views > VIEWS.size()) {
            throw new IllegalArgumentException("reader views must be 1 to " + VIEWS.size() + ", got " + views);
        }
        this.views = VIEWS.subList(0, views);
        if ((!formats.any() || views > 1) && !ctc()) {
            throw new IllegalArgumentException("plate formats and reader views need the CTC reader; this network has fixed slots");
        }
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

    public PlateFormats formats() {
        return formats;
    }

    public int views() {
        return views.size();
    }

    /** The same network reading with another format prior. */
    public PlateReader withFormats(PlateFormats other) {
        return new PlateReader(net, other, views.size(), topN);
    }

    /** The same network reading each crop through the first {@code n} of {@link #VIEWS}. */
    public PlateReader withViews(int n) {
        return new PlateReader(net, formats, n, topN);
    }

    /** An independent copy (own weights and workspaces) for another thread. */
    public PlateReader copy() {
        return new PlateReader(net.clone(), topN, formats, views.size());
    }

    /** Reads each crop; the result list matches the input order. */
    public List<Reading> read(List<BufferedImage> crops) {
        if (!ctc()) {
            List<Reading> out = new ArrayList<>(crops.size());
            for (int start = 0; start < crops.size(); start += BATCH) {
                List<BufferedImage> batch = crops.subList(start, Math.min(crops.size(), start + BATCH));
                INDArray[] heads = net.output(false, features(batch));
                for (int i = 0; i < batch.size(); i++) {
                    out.add(SlotDecoder.decode(slotProbabilities(heads, i), topN));
                }
            }
            return out;
        }
        int k = views.size();
        List<BufferedImage> cuts = new ArrayList<>(crops.size() * k);
        for (BufferedImage crop : crops) {
            for (View v : views) {
                cuts.add(v.apply(crop));
            }
        }
        List<float[][]> logits = new ArrayList<>(cuts.size());
        for (int start = 0; start < cuts.size(); start += BATCH) {
            List<BufferedImage> batch = cuts.subList(start, Math.min(cuts.size(), start + BATCH));
            INDArray out = net.output(false, features(batch))[0];
            float[] all = out.reshape('c', new long[] {out.length()}).toFloatVector();
            for (int i = 0; i < batch.size(); i++) {
                logits.add(frameLogits(all, out.size(1), out.size(3), i));
            }
        }
        List<Reading> out = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            out.add(Ctc.decode(logits.subList(i * k, (i + 1) * k), topN, formats));
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

    /**
     * {@code [frames][classes]} logits of one example of a {@code [n, classes, 1, frames]} output,
     * given as one c-ordered array (read once per batch: a view and a transpose per example cost
     * more than the copy).
     */
    private static float[][] frameLogits(float[] all, long classes, long frames, int row) {
        int c = (int) classes;
        int t = (int) frames;
        float[][] logits = new float[t][c];
        int base = row * c * t;
        for (int k = 0; k < c; k++) {
            for (int f = 0; f < t; f++) {
                logits[f][k] = all[base + k * t + f];
            }
        }
        return logits;
    }

    private static float[][] slotProbabilities(INDArray[] heads, int row) {
        float[][] probs = new float[heads.length][];
        for (int s = 0; s < heads.length; s++) {
            probs[s] = heads[s].getRow(row).toFloatVector();
        }
        return probs;
    }
}
