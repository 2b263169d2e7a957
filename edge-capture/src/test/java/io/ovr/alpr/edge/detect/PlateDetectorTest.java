package io.ovr.alpr.edge.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.edge.synth.Backgrounds;
import io.ovr.alpr.edge.synth.PlateTruth;
import io.ovr.alpr.edge.synth.Scene;
import io.ovr.alpr.edge.synth.SceneRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped detector on rendered scenes of a seed no training run or choice used. */
class PlateDetectorTest {

    @Test
    void refinementShouldFitTheBoxesOfTheSamePlatesCloserToThePlates() {
        PlateDetector coarse = PlateDetector.bundled();
        PlateDetector refining = coarse.withRefinement(true);
        SceneRenderer scenes = new SceneRenderer(77_004, Backgrounds.generated(), List.of());
        double coarseIou = 0;
        double refinedIou = 0;
        int matched = 0;
        for (int i = 0; i < 30; i++) {
            Scene scene = scenes.next(1280, 720, 0.08, 0.45);
            List<Detection> first = coarse.detect(scene.image());
            List<Detection> refined = refining.detect(scene.image());

            assertThat(refined).hasSameSizeAs(first);
            for (int d = 0; d < first.size(); d++) {
                assertThat(refined.get(d).score()).isEqualTo(first.get(d).score());
                for (PlateTruth p : scene.plates()) {
                    if (first.get(d).box().iou(p.box()) >= 0.4) {
                        coarseIou += first.get(d).box().iou(p.box());
                        refinedIou += refined.get(d).box().iou(p.box());
                        matched++;
                    }
                }
            }
        }

        assertThat(matched).isGreaterThan(20);
        assertThat(refinedIou / matched).isGreaterThan(coarseIou / matched + 0.05);
    }

    @Test
    void shouldKeepRefinementInCopiesAndLeaveItOffByDefault() {
        PlateDetector detector = PlateDetector.bundled();

        assertThat(detector.refines()).isFalse();
        assertThat(detector.withRefinement(true).copy().refines()).isTrue();
    }
}
