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

    private final SceneRenderer scenes;

    DetectorBatches(SceneRenderer scenes) {
        this.scenes = scenes;
    }

    Scene nextScene() {
        return scenes.next(WIDTH, HEIGHT, MIN_PLATE, MAX_PLATE);
    }

    DataSet next(int size) {
        int px = WIDTH * HEIGHT;
        int cw = WIDTH / DetectorNet.STRIDE;
        int ch = HEIGHT / DetectorNet.STRIDE;
        float[] features = new float[size * px];
        float[] labels = new float[size * cw * ch];
        for (int i = 0; i < size; i++) {
            Scene s = nextScene();
            ImageOps.toGrey(s.image(), WIDTH, HEIGHT, features, i * px);
            mask(s.plates(), cw, ch, labels, i * cw * ch);
        }
        for (int i = 0; i < features.length; i++) {
            features[i] -= 0.5f;
        }
        return new DataSet(Nd4j.create(features, new long[] {size, 1, HEIGHT, WIDTH}, 'c'),
                Nd4j.create(labels, new long[] {size, 1, ch, cw}, 'c'));
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
