package io.ovr.alpr.edge.detect;

import io.ovr.alpr.edge.image.Box;
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
 * Finds plates in whole frames with the trained {@link DetectorNet}: the frame is scaled to
 * {@value DetectorNet#INPUT_WIDTH} px wide, grey, and the plate-probability map is decoded into
 * boxes in frame pixels.
 * <p>
 * The map's cells are {@value DetectorNet#STRIDE} px of the scaled frame, about 27 px of a
 * 1280-px frame, so boxes are coarse. {@linkplain #withRefinement(boolean) Refinement} runs the
 * network a second time on a region around each box, {@value #REFINE_ZOOM} times its width at
 * the frame's aspect (all of a frame's regions in one batch), where a cell is a 24th of the box's
 * width, and keeps the box found there that overlaps the first one most.
 * Not thread-safe: give each thread its own detector.
 */
public final class PlateDetector {

    /** Where the shipped weights live on the classpath. */
    public static final String RESOURCE = "/models/detector.zip";
    /**
     * Width of a refinement region in box widths: chosen from 1.5, 2, 2.5, 3, 4 and 6 by the
     * plates read right on 200 held-out rendered scenes of a selection seed (24302), never on the
     * scenes or photos the figures are reported on.
     */
    public static final double REFINE_ZOOM = 2.0;
    /** Narrowest refinement region, in frame pixels. */
    static final double MIN_REGION = 96;

    private final ComputationGraph net;
    private final double threshold;
    private final boolean refine;
    /** The last frame's grey values, reused for the next frame of the same size. */
    private float[] grey;

    public PlateDetector(ComputationGraph net, double threshold) {
        this(net, threshold, false);
    }

    private PlateDetector(ComputationGraph net, double threshold, boolean refine) {
        this.net = NativeConvolution.install(net);
        this.threshold = threshold;
        this.refine = refine;
    }

    /** The same network with box refinement on or off. */
    public PlateDetector withRefinement(boolean on) {
        return new PlateDetector(net, threshold, on);
    }

    public boolean refines() {
        return refine;
    }

    /** The detector shipped in the jar with the threshold chosen when it was trained. */
    public static PlateDetector bundled() {
        return bundled(bundledThreshold());
    }

    /** The threshold in {@code /models/detector.properties}, chosen on held-out scenes at training; 0.5 without it. */
    public static double bundledThreshold() {
        try (InputStream in = PlateDetector.class.getResourceAsStream("/models/detector.properties")) {
            if (in == null) {
                return 0.5;
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return Double.parseDouble(p.getProperty("threshold", "0.5"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The threshold in the {@code detector.properties} beside a weights file, as {@code alpr train
     * detector} writes it; {@code fallback} without one.
     */
    public static double thresholdBeside(File weights, double fallback) {
        java.nio.file.Path props = weights.toPath().resolveSibling("detector.properties");
        if (!java.nio.file.Files.exists(props)) {
            return fallback;
        }
        try (InputStream in = java.nio.file.Files.newInputStream(props)) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return Double.parseDouble(p.getProperty("threshold", String.valueOf(fallback)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PlateDetector bundled(double threshold) {
        try (InputStream in = PlateDetector.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no detector weights on the classpath at " + RESOURCE);
            }
            return new PlateDetector(ModelSerializer.restoreComputationGraph(in, false), threshold);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PlateDetector load(File file, double threshold) {
        try {
            return new PlateDetector(ModelSerializer.restoreComputationGraph(file, false), threshold);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ComputationGraph network() {
        return net;
    }

    /** An independent copy (own weights and workspaces) for another thread. */
    public PlateDetector copy() {
        return new PlateDetector(net.clone(), threshold, refine);
    }

    /** The plates in a frame, best first. */
    public List<Detection> detect(BufferedImage frame) {
        int h = inputHeight(frame.getWidth(), frame.getHeight());
        float[] grey = this.grey = ImageOps.grey(frame, this.grey);
        Box whole = new Box(0, 0, frame.getWidth(), frame.getHeight());
        INDArray out = net.outputSingle(false, features(grey, frame, List.of(whole), DetectorNet.INPUT_WIDTH, h));
        double sx = (double) frame.getWidth() / DetectorNet.INPUT_WIDTH;
        double sy = (double) frame.getHeight() / h;
        List<Detection> boxes = HeatmapDecoder.decode(toGrid(out, 0), DetectorNet.STRIDE, threshold, 3).stream()
                .map(d -> new Detection(d.box().scale(sx, sy).clip(frame.getWidth(), frame.getHeight()), d.score()))
                .toList();
        List<Detection> found = HeatmapDecoder.nms(boxes, 0.3);
        return refine && !found.isEmpty() ? refine(frame, grey, found, h) : found;
    }

    /** Each detection's box as the network finds it in a region around it; kept as it is where none is found. */
    private List<Detection> refine(BufferedImage frame, float[] grey, List<Detection> found, int inputHeight) {
        List<Box> regions = new ArrayList<>(found.size());
        for (Detection d : found) {
            Box b = d.box();
            double w = Math.max(REFINE_ZOOM * b.w(), MIN_REGION);
            double h = w * frame.getHeight() / frame.getWidth();
            regions.add(new Box(b.x() + b.w() / 2 - w / 2, b.y() + b.h() / 2 - h / 2, w, h));
        }
        INDArray out = net.outputSingle(false, features(grey, frame, regions, DetectorNet.INPUT_WIDTH, inputHeight));
        List<Detection> refined = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            Box region = regions.get(i);
            Detection first = found.get(i);
            double sx = region.w() / DetectorNet.INPUT_WIDTH;
            double sy = region.h() / inputHeight;
            Box best = first.box();
            double bestIou = 0.1;
            for (Detection d : HeatmapDecoder.decode(toGrid(out, i), DetectorNet.STRIDE, threshold, 3)) {
                Box b = d.box().scale(sx, sy);
                Box inFrame = new Box(b.x() + region.x(), b.y() + region.y(), b.w(), b.h());
                double iou = inFrame.iou(first.box());
                if (iou > bestIou) {
                    bestIou = iou;
                    best = inFrame.clip(frame.getWidth(), frame.getHeight());
                }
            }
            refined.add(new Detection(best, first.score()));
        }
        return refined;
    }

    /** Input height for a frame: same aspect at {@link DetectorNet#INPUT_WIDTH}, a multiple of 8. */
    public static int inputHeight(int width, int height) {
        int h = (int) Math.round((double) height * DetectorNet.INPUT_WIDTH / width / 8.0) * 8;
        return Math.max(8, h);
    }

    /** [regions, 1, h, w] grey in [-0.5, 0.5]: each region of a frame whose {@link ImageOps#grey} is {@code grey}. */
    static INDArray features(float[] grey, BufferedImage frame, List<Box> regions, int w, int h) {
        float[] data = new float[regions.size() * w * h];
        for (int i = 0; i < regions.size(); i++) {
            ImageOps.toGrey(grey, frame.getWidth(), frame.getHeight(), regions.get(i), w, h, data, i * w * h);
        }
        for (int i = 0; i < data.length; i++) {
            data[i] -= 0.5f;
        }
        return Nd4j.create(data, new long[] {regions.size(), 1, h, w}, 'c');
    }

    static float[][] toGrid(INDArray out, int example) {
        int h = (int) out.size(2);
        int w = (int) out.size(3);
        float[] plane = out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(example),
                org.nd4j.linalg.indexing.NDArrayIndex.point(0)).reshape('c', new long[] {(long) h * w}).toFloatVector();
        float[][] grid = new float[h][];
        for (int y = 0; y < h; y++) {
            grid[y] = java.util.Arrays.copyOfRange(plane, y * w, (y + 1) * w);
        }
        return grid;
    }
}
