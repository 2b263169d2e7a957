package io.ovr.alpr.cli.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovr.alpr.cli.AlprCommand;
import io.ovr.alpr.edge.synth.Backgrounds;
import io.ovr.alpr.edge.synth.PlateTruth;
import io.ovr.alpr.edge.synth.Scene;
import io.ovr.alpr.edge.synth.SceneRenderer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alpr eval} on a folder in the OpenALPR benchmark format, with each crop strategy. */
class EvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldMeasureABenchmarkFolderWithEitherCropStrategy() throws Exception {
        Path dataset = Files.createDirectories(dir.resolve("set"));
        SceneRenderer scenes = new SceneRenderer(31, Backgrounds.generated(), List.of());
        int plates = 0;
        for (int i = 0; i < 3; i++) {
            Scene s = scenes.next(1280, 720, 0.1, 0.3);
            String name = "scene" + i + ".jpg";
            ImageIO.write(s.image(), "jpg", dataset.resolve(name).toFile());
            StringBuilder txt = new StringBuilder();
            for (PlateTruth p : s.plates()) {
                txt.append(String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%s%n", name, Math.round(p.box().x()),
                        Math.round(p.box().y()), Math.round(p.box().w()), Math.round(p.box().h()), p.text().label()));
                plates++;
            }
            Files.writeString(dataset.resolve("scene" + i + ".txt"), txt);
        }

        for (String crops : List.of("single", "search")) {
            Path json = dir.resolve(crops + ".json");
            StringWriter out = new StringWriter();
            int exit = AlprCommand.commandLine().setOut(new PrintWriter(out)).execute("eval", "--dataset",
                    dataset.toString(), "--crops", crops, "--output", json.toString(),
                    "--reader-views", crops.equals("single") ? "4" : "1", "--plate-formats", "br,us,eu",
                    crops.equals("single") ? "--refine-boxes" : "--no-refine-boxes");

            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString()).contains("top1", "truth_box_top1", "fps")
                    .contains("boxes " + (crops.equals("single") ? "refined" : "as found") + "; reader: "
                            + (crops.equals("single") ? "4" : "1") + " view(s), plate formats br,us,eu, crops " + crops);
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            assertThat(report.toString()).contains("\"plates\"");
            assertThat(report.findValue("plates").asDouble()).isEqualTo(plates);
            assertThat(report.findValue("top1").asDouble()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void shouldRejectAnUnknownCropStrategy() {
        StringWriter err = new StringWriter();

        int exit = AlprCommand.commandLine().setErr(new PrintWriter(err)).execute("eval", "--crops", "sideways");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--crops", "sideways");
    }

    @Test
    void shouldRejectUnknownPlateFormatsAndImpossibleReaderViews() {
        StringWriter err = new StringWriter();

        int formats = AlprCommand.commandLine().setErr(new PrintWriter(err)).execute("eval", "--plate-formats", "br,mars");
        int views = AlprCommand.commandLine().setErr(new PrintWriter(err)).execute("eval", "--reader-views", "9");

        assertThat(formats).isEqualTo(2);
        assertThat(views).isEqualTo(2);
        assertThat(err.toString()).contains("--plate-formats", "'mars'", "--reader-views", "1 to 6, got 9");
    }
}
