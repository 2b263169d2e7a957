package io.ovr.alpr.edge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.edge.detect.DetectorNet;
import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.reader.PlateReader;
import io.ovr.alpr.edge.reader.ReaderNet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {

    @TempDir
    Path out;

    @Test
    void shouldReportEveryFigureAsTableAndJsonOnSyntheticScenes() throws Exception {
        Path json = out.resolve("eval.json");
        Evaluator.Config c = new Evaluator.Config(null, 2, 11, null, json);
        Evaluator e = new Evaluator(c, new PlateDetector(DetectorNet.build(1, 1e-3), 0.5),
                new PlateReader(ReaderNet.build(1, 1e-3), 5));

        EvalReport r = e.run();

        assertThat(r.figures()).containsKeys(Evaluator.ORDER.toArray(String[]::new));
        assertThat(r.figures().get("images")).isEqualTo(2.0);
        assertThat(r.figures().get("detection_rate")).isBetween(0.0, 1.0);
        assertThat(r.table(Evaluator.ORDER)).contains("top1_folded", "fps");
        assertThat(Files.readString(json)).contains("\"false_detections_per_image\"");
    }
}
