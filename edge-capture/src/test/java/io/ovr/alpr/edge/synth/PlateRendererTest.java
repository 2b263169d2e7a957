package io.ovr.alpr.edge.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlateRendererTest {

    @Test
    void shouldRenderTheSameCropsForTheSameSeed() {
        PlateRenderer a = new PlateRenderer(7, Backgrounds.generated());
        PlateRenderer b = new PlateRenderer(7, Backgrounds.generated());

        for (int i = 0; i < 5; i++) {
            PlateSample x = a.nextCrop();
            PlateSample y = b.nextCrop();
            assertThat(x.text()).isEqualTo(y.text());
            assertThat(pixels(x.image())).isEqualTo(pixels(y.image()));
        }
    }

    @Test
    void shouldRenderDifferentCropsForDifferentSeeds() {
        PlateSample x = new PlateRenderer(1, Backgrounds.generated()).nextCrop();
        PlateSample y = new PlateRenderer(2, Backgrounds.generated()).nextCrop();

        assertThat(pixels(x.image())).isNotEqualTo(pixels(y.image()));
    }

    @Test
    void shouldDrawEveryStyleWithReadableLabels() {
        PlateRenderer r = new PlateRenderer(3, Backgrounds.generated());
        Set<PlateStyle> seen = EnumSet.noneOf(PlateStyle.class);
        Set<String> texts = new HashSet<>();

        for (int i = 0; i < 200; i++) {
            PlateStyle style = r.nextStyle();
            PlateText text = r.nextText(style);
            seen.add(style);
            texts.add(text.label());
            assertThat(text.label()).matches("[A-Z0-9]{5,8}");
        }

        assertThat(seen).containsExactlyInAnyOrder(PlateStyle.values());
        assertThat(texts).hasSizeGreaterThan(190);
    }

    @Test
    void shouldMatchTheBrazilianFormat() {
        PlateRenderer r = new PlateRenderer(4, Backgrounds.generated());

        assertThat(r.nextText(PlateStyle.BR).display()).matches("[A-Z]{3}-[0-9]{4}");
        assertThat(r.nextText(PlateStyle.BR_MERCOSUR).label()).matches("[A-Z]{3}[0-9][A-Z][0-9]{2}");
    }

    @Test
    void shouldPlaceScenePlatesInsideTheFrameWithoutOverlap() {
        SceneRenderer scenes = new SceneRenderer(5, Backgrounds.generated(), java.util.List.of());

        for (int i = 0; i < 20; i++) {
            Scene s = scenes.next(320, 180, 0.1, 0.4);
            assertThat(s.image().getWidth()).isEqualTo(320);
            for (PlateTruth p : s.plates()) {
                assertThat(p.box().x()).isGreaterThanOrEqualTo(0);
                assertThat(p.box().x() + p.box().w()).isLessThanOrEqualTo(320);
                assertThat(p.box().w()).isBetween(320 * 0.1 * 0.8, 320 * 0.4 * 1.3);
                assertThat(s.plates().stream().filter(q -> q != p).allMatch(q -> q.box().iou(p.box()) == 0)).isTrue();
            }
        }
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
