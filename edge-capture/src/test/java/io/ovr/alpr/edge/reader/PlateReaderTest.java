package io.ovr.alpr.edge.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovr.alpr.edge.synth.Backgrounds;
import io.ovr.alpr.edge.synth.PlateRenderer;
import io.ovr.alpr.edge.synth.PlateSample;
import io.ovr.alpr.edge.synth.PlateStyle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped reader with views and plate formats, on rendered plates of a seed no training run used. */
class PlateReaderTest {

    private static PlateReader reader;

    @BeforeAll
    static void load() {
        reader = PlateReader.bundled(5);
    }

    @Test
    void shouldReadMorePlatesRightThroughFourViewsThanThroughOne() {
        PlateRenderer renderer = new PlateRenderer(77_002, Backgrounds.generated());
        List<PlateSample> samples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            samples.add(renderer.nextCrop());
        }

        int one = right(reader, samples);
        int four = right(reader.withViews(4), samples);

        assertThat(four).isGreaterThan(one);
    }

    @Test
    void shouldReadBrazilianPlatesOnlyInBrazilianFormatsAndReadMoreOfThemRight() {
        PlateRenderer renderer = new PlateRenderer(77_003, Backgrounds.generated());
        List<PlateSample> samples = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            PlateStyle style = i % 4 == 0 ? PlateStyle.BR_MERCOSUR : PlateStyle.BR;
            samples.add(renderer.crop(style, renderer.nextText(style)));
        }
        PlateReader brazil = reader.withFormats(PlateFormats.parse("br"));

        List<Reading> readings = brazil.read(samples.stream().map(PlateSample::image).toList());

        assertThat(readings).allSatisfy(r -> assertThat(PlateFormats.parse("br").matches(r.text())).as(r.text()).isTrue());
        assertThat(right(brazil, samples)).isGreaterThan(right(reader, samples));
    }

    @Test
    void shouldCutEachViewFromTheCropAndKeepTinyCropsWhole() {
        BufferedImage crop = new BufferedImage(200, 50, BufferedImage.TYPE_INT_RGB);
        BufferedImage tiny = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);

        BufferedImage cut = PlateReader.VIEWS.get(1).apply(crop);

        assertThat(PlateReader.VIEWS.get(0).apply(crop)).isSameAs(crop);
        assertThat(cut.getWidth()).isEqualTo(200 - 6 - 6);
        assertThat(cut.getHeight()).isEqualTo(50 - 4 - 4);
        assertThat(PlateReader.VIEWS.get(1).apply(tiny)).isSameAs(tiny);
    }

    @Test
    void shouldKeepViewsAndFormatsInCopiesAndRefuseAnImpossibleNumberOfViews() {
        PlateReader configured = reader.withViews(3).withFormats(PlateFormats.parse("eu"));

        PlateReader copy = configured.copy();

        assertThat(copy.views()).isEqualTo(3);
        assertThat(copy.formats().templates()).isEqualTo(PlateFormats.parse("eu").templates());
        assertThatThrownBy(() -> reader.withViews(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.withViews(PlateReader.VIEWS.size() + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int right(PlateReader r, List<PlateSample> samples) {
        List<Reading> readings = r.read(samples.stream().map(PlateSample::image).toList());
        int right = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (readings.get(i).text().equals(samples.get(i).text().label())) {
                right++;
            }
        }
        return right;
    }
}
