package io.ovr.alpr.edge.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.reader.PlateReader;
import io.ovr.alpr.edge.reader.Reading;
import io.ovr.alpr.edge.synth.Backgrounds;
import io.ovr.alpr.edge.synth.PlateRenderer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains each model for a few steps on generated data only (CI never trains a real model). */
class TrainerSmokeTest {

    @TempDir
    Path out;

    @Test
    void shouldTrainTheCtcReaderForAFewStepsAndWriteWeightsCardAndMetrics() throws Exception {
        trainReader(TrainConfig.ReaderArchitecture.CTC);
    }

    @Test
    void shouldTrainTheFixedSlotReaderForAFewStepsAndWriteWeightsCardAndMetrics() throws Exception {
        trainReader(TrainConfig.ReaderArchitecture.SLOTS);
    }

    private void trainReader(TrainConfig.ReaderArchitecture architecture) throws Exception {
        TrainConfig c = new TrainConfig(TrainConfig.Target.READER, null, out, 1, 3, 8, 1e-3, 2, 5, 16, null,
                architecture, null);

        TrainResult r = new Trainer(c).run();

        assertThat(r.steps()).isEqualTo(3);
        assertThat(out.resolve("reader.zip")).exists();
        assertThat(out.resolve("reader-checkpoint.zip")).exists();
        assertThat(Files.readString(out.resolve("reader-card.md"))).contains("AGPL-3.0", "synthetic_top1");
        assertThat(r.metrics()).containsKeys("synthetic_top1", "synthetic_char_accuracy_folded");
        Reading reading = PlateReader.load(out.resolve("reader.zip").toFile(), 5)
                .read(new PlateRenderer(9, Backgrounds.generated()).nextCrop().image());
        assertThat(reading.text()).matches("[A-Z0-9]{0,8}");
        assertThat(reading.candidates()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void shouldTrainTheDetectorForAFewStepsAndWriteWeightsCardAndMetrics() throws Exception {
        TrainConfig c = new TrainConfig(TrainConfig.Target.DETECTOR, null, out, 1, 2, 2, 1e-3, 0, 5, 2, null,
                TrainConfig.ReaderArchitecture.CTC, null);

        TrainResult r = new Trainer(c).run();

        assertThat(r.steps()).isEqualTo(2);
        assertThat(out.resolve("detector-metrics.json")).exists();
        assertThat(Files.readString(out.resolve("detector.properties"))).containsPattern("threshold=0\\.[2-7]");
        assertThat(Files.readString(out.resolve("detector-card.md"))).contains("AGPL-3.0", "synthetic_detection_rate");
        PlateDetector d = PlateDetector.load(out.resolve("detector.zip").toFile(), 0.5);
        assertThat(d.detect(new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB)))
                .allSatisfy(det -> assertThat(det.box().x() + det.box().w()).isLessThanOrEqualTo(640));
    }
}
