package io.ovr.alpr.edge.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.edge.image.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatmapDecoderTest {

    @Test
    void shouldTurnEachBlobIntoOneBoxInInputPixels() {
        float[][] probs = new float[10][20];
        fill(probs, 2, 3, 6, 2, 0.9f);
        fill(probs, 12, 6, 4, 3, 0.7f);

        List<Detection> dets = HeatmapDecoder.decode(probs, 4, 0.5, 3);

        assertThat(dets).hasSize(2);
        assertThat(dets.get(0).box()).isEqualTo(new Box(8, 12, 24, 8));
        assertThat(dets.get(0).score()).isEqualTo(0.9f, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(dets.get(1).box()).isEqualTo(new Box(48, 24, 16, 12));
    }

    @Test
    void shouldIgnoreBlobsBelowThresholdOrTooSmall() {
        float[][] probs = new float[10][20];
        fill(probs, 2, 3, 6, 2, 0.4f);
        fill(probs, 15, 8, 2, 1, 0.9f);

        assertThat(HeatmapDecoder.decode(probs, 4, 0.5, 3)).isEmpty();
    }

    @Test
    void shouldKeepTheBestOfOverlappingBoxes() {
        Detection best = new Detection(new Box(0, 0, 100, 30), 0.9);
        Detection overlapping = new Detection(new Box(5, 2, 100, 30), 0.8);
        Detection apart = new Detection(new Box(300, 0, 100, 30), 0.6);

        List<Detection> kept = HeatmapDecoder.nms(List.of(overlapping, apart, best), 0.3);

        assertThat(kept).containsExactly(best, apart);
    }

    @Test
    void shouldComputeIntersectionOverUnion() {
        Box a = new Box(0, 0, 10, 10);

        assertThat(a.iou(new Box(5, 0, 10, 10))).isEqualTo(50.0 / 150.0);
        assertThat(a.iou(new Box(20, 20, 5, 5))).isZero();
        assertThat(a.iou(a)).isEqualTo(1.0);
    }

    private static void fill(float[][] p, int x, int y, int w, int h, float v) {
        for (int j = y; j < y + h; j++) {
            for (int i = x; i < x + w; i++) {
                p[j][i] = v;
            }
        }
    }
}
