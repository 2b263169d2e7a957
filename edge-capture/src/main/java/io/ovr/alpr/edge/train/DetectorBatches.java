package io.ovr.alpr.edge.train;

import io.ovr.alpr.edge.detect.DetectorNet;
import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.image.ImageOps;
import io.ovr.alpr.edge.synth.PlateTruth;
import io.ovr.alpr.edge.synth.Scene;
import io.ovr.alpr.edge.synth.SceneRenderer;
import java.awt.geom.Path2D;
import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Builds detector training batches: rendered scenes and their per-cell plate masks. */
final class DetectorBatches {

    static final int WIDTH = DetectorNet.INPUT_WIDTH;
    static final int HEIGHT = 112;
    static final double MIN_PLATE = 0.08;
    static final double MAX_PLATE = 0.6;
    static final int PATCH_WIDTH = 96;
    static final int PATCH_HEIGHT = 56;

    private final SceneRenderer scenes;
    private final java.util.Random windows;

    DetectorBatches(SceneRenderer scenes, long seed) {
        this.scenes = scenes;
        this.windows = new java.util.Random(seed);
    }

    Scene nextScene() {
        return scenes.next(WIDTH, HEIGHT, MIN_PLATE, MAX_PLATE);
    }

    /**
     * A batch of {@value #PATCH_WIDTH}x{@value #PATCH_HEIGHT} windows of rendered scenes (a quarter
     * of the frame, so four times the scenes per unit of compute; the network is fully
     * convolutional), most of them around a plate. Windows start on the network's 8-pixel grid.
     */
    DataSet next(int size) {
        int cw = WIDTH / DetectorNet.STRIDE;
        int ch = HEIGHT / DetectorNet.STRIDE;
        int pcw = PATCH_WIDTH / DetectorNet.STRIDE;
        int pch = PATCH_HEIGHT / DetectorNet.STRIDE;
        float[] grey = new float[WIDTH * HEIGHT];
        float[] mask = new float[cw * ch];
        float[] features = new float[size * PATCH_WIDTH * PATCH_HEIGHT];
        float[] labels = new float[size * pcw * pch];
        for (int i = 0; i < size; i++) {
            Scene s = nextScene();
            ImageOps.toGrey(s.image(), WIDTH, HEIGHT, grey, 0);
            java.util.Arrays.fill(mask, 0f);
            mask(s.plates(), cw, ch, mask, 0);
            int[] at = window(s);
            for (int y = 0; y < PATCH_HEIGHT; y++) {
                for (int x = 0; x < PATCH_WIDTH; x++) {
                    features[i * PATCH_WIDTH * PATCH_HEIGHT + y * PATCH_WIDTH + x] =
                            grey[(at[1] + y) * WIDTH + at[0] + x] - 0.5f;
                }
            }
            int cx0 = at[0] / DetectorNet.STRIDE;
            int cy0 = at[1] / DetectorNet.STRIDE;
            for (int y = 0; y < pch; y++) {
                for (int x = 0; x < pcw; x++) {
                    labels[i * pcw * pch + y * pcw + x] = mask[(cy0 + y) * cw + cx0 + x];
                }
            }
        }
        return new DataSet(Nd4j.create(features, new long[] {size, 1, PATCH_HEIGHT, PATCH_WIDTH}, 'c'),
                Nd4j.create(labels, new long[] {size, 1, pch, pcw}, 'c'));
    }

    /** Top-left of a window on the 8-pixel grid: around a random plate 70 % of the time, else anywhere. */
    private int[] window(Scene s) {
        int maxX = (WIDTH - PATCH_WIDTH) / 8;
        int maxY = (HEIGHT - PATCH_HEIGHT) / 8;
        if (!s.plates().isEmpty() && windows.nextDouble() < 0.7) {
            PlateTruth p = s.plates().get(windows.nextInt(s.plates().size()));
            double cx = p.box().x() + p.box().w() / 2;
            double cy = p.box().y() + p.box().h() / 2;
            int gx = (int) Math.round((cx - PATCH_WIDTH * (0.2 + 0.6 * windows.nextDouble())) / 8);
            int gy = (int) Math.round((cy - PATCH_HEIGHT * (0.2 + 0.6 * windows.nextDouble())) / 8);
            return new int[] {8 * Math.max(0, Math.min(maxX, gx)), 8 * Math.max(0, Math.min(maxY, gy))};
        }
        return new int[] {8 * windows.nextInt(maxX + 1), 8 * windows.nextInt(maxY + 1)};
    }

    /** 1 for each cell whose centre lies inside a plate's quadrilateral. */
    static void mask(List<PlateTruth> plates, int cw, int ch, float[] out, int offset) {
        int s = DetectorNet.STRIDE;
        for (PlateTruth p : plates) {
            Path2D.Double poly = new Path2D.Double();
            double[] q = p.quad();
            poly.moveTo(q[0], q[1]);
            for (int k = 2; k < 8; k += 2) {
                poly.lineTo(q[k], q[k + 1]);
            }
            poly.closePath();
            for (int y = 0; y < ch; y++) {
                for (int x = 0; x < cw; x++) {
                    if (poly.contains(x * s + s / 2.0, y * s + s / 2.0)) {
                        out[offset + y * cw + x] = 1f;
                    }
                }
            }
        }
    }

    static int inputHeight() {
        return PlateDetector.inputHeight(WIDTH, HEIGHT);
    }
}
