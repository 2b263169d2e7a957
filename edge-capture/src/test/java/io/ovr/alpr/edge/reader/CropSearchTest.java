package io.ovr.alpr.edge.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.edge.image.Box;
import io.ovr.alpr.edge.synth.Backgrounds;
import io.ovr.alpr.edge.synth.PlateTruth;
import io.ovr.alpr.edge.synth.Scene;
import io.ovr.alpr.edge.synth.SceneRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CropSearchTest {

    private static Reading reading(String text, double... p) {
        return new Reading(text, java.util.Arrays.stream(p).reduce(1, (a, b) -> a * b), p, List.of());
    }

    @Test
    void shouldScoreSureCharactersUpAndUnsureOnesDown() {
        assertThat(CropSearch.score(reading("ABC1234", 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99)))
                .isGreaterThan(CropSearch.score(reading("BC123", 0.99, 0.99, 0.99, 0.99, 0.99)));
        assertThat(CropSearch.score(reading("ABC1234", 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99)))
                .isGreaterThan(CropSearch.score(reading("ABC12345", 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.2)));
        assertThat(CropSearch.score(reading(""))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(CropSearch.sure(reading("AB", 0.95, 0.91))).isTrue();
        assertThat(CropSearch.sure(reading("AB", 0.95, 0.5))).isFalse();
    }

    @Test
    void singleShouldReadTheDetectorsBoxAsItIs() {
        PlateReader reader = PlateReader.bundled(5);
        Scene scene = new SceneRenderer(5, Backgrounds.generated(), List.of()).next(1280, 720, 0.1, 0.3);
        List<Box> boxes = scene.plates().stream().map(PlateTruth::box).toList();

        List<CropSearch.Result> results = CropSearch.single().read(reader, scene.image(), boxes);

        assertThat(results).hasSize(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            assertThat(results.get(i).box()).isEqualTo(boxes.get(i));
        }
    }

    /**
     * A detector box quantised to 27-px cells is often twice as tall as the plate and wider; the
     * search reads such loose boxes right more often than the box itself, on held-out rendered
     * scenes, and never picks a reading it scores lower.
     */
    @Test
    void searchShouldReadLooseBoxesBetterThanTheBoxItself() {
        PlateReader reader = PlateReader.bundled(5);
        SceneRenderer scenes = new SceneRenderer(77_001, Backgrounds.generated(), List.of());
        CropSearch search = CropSearch.standard();
        int plates = 0;
        int singleRight = 0;
        int searchRight = 0;
        for (int i = 0; i < 40; i++) {
            Scene scene = scenes.next(1280, 720, 0.1, 0.3);
            List<Box> loose = scene.plates().stream().map(p -> loose(p.box())).toList();
            List<CropSearch.Result> one = CropSearch.single().read(reader, scene.image(), loose);
            List<CropSearch.Result> best = search.read(reader, scene.image(), loose);
            for (int j = 0; j < loose.size(); j++) {
                String truth = scene.plates().get(j).text().label();
                plates++;
                singleRight += one.get(j).reading().text().equals(truth) ? 1 : 0;
                searchRight += best.get(j).reading().text().equals(truth) ? 1 : 0;
                assertThat(CropSearch.score(best.get(j).reading()))
                        .isGreaterThanOrEqualTo(CropSearch.score(one.get(j).reading()));
            }
        }
        System.out.printf("loose boxes: %d plates, single crop %d right, crop search %d right%n", plates,
                singleRight, searchRight);
        assertThat(plates).isGreaterThan(30);
        assertThat(searchRight).isGreaterThan(singleRight);
    }

    /** Twice the plate's height and 1.3 times its width, centred a little low, as a coarse detector box is. */
    private static Box loose(Box b) {
        double w = b.w() * 1.3;
        double h = b.h() * 2.0;
        return new Box(b.x() + b.w() / 2 - w / 2, b.y() + b.h() / 2 - h / 2 + 0.15 * b.h(), w, h);
    }
}
