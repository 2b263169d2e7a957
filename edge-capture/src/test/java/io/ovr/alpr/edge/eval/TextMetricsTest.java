package io.ovr.alpr.edge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.edge.reader.Candidate;
import io.ovr.alpr.edge.reader.Reading;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextMetricsTest {

    @Test
    void shouldCountStrictAndFoldedTopOneAndTopFive() {
        TextMetrics m = new TextMetrics();

        m.add("ABC1234", reading("ABC1234", "ABC1284"));
        m.add("OBC1234", reading("0BC1234", "OBC1234"));
        m.add("XYZ9999", null);

        assertThat(m.figures().get("top1")).isEqualTo(1.0 / 3);
        assertThat(m.figures().get("top5")).isEqualTo(2.0 / 3);
        assertThat(m.figures().get("top1_folded")).isEqualTo(2.0 / 3);
    }

    @Test
    void shouldScoreCharactersByEditDistance() {
        assertThat(TextMetrics.charAccuracy("ABC1234", "ABC124")).isEqualTo(1 - 1.0 / 7);
        assertThat(TextMetrics.charAccuracy("ABC", "XYZXYZ")).isZero();
    }

    @Test
    void shouldParseTheOpenAlprBenchmarkFormat() {
        GroundTruth gt = GroundTruth.parse(Path.of("/d/AYO9034.txt"), List.of("AYO9034.jpg\t528\t412\t162\t52\tAYO9034"));

        assertThat(gt.image()).isEqualTo(Path.of("/d/AYO9034.jpg"));
        assertThat(gt.plates()).hasSize(1);
        assertThat(gt.plates().get(0).text()).isEqualTo("AYO9034");
        assertThat(gt.plates().get(0).box().w()).isEqualTo(162);
    }

    @Test
    void shouldFindTheImageBesideTheLabelWhenTheNamedFileIsMissing(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("PAG5219.txt"), "PAG5219.png\t528\t568\t228\t74\tPAG5219\n");
        java.nio.file.Files.write(dir.resolve("PAG5219.jpg"), new byte[] {1});

        List<GroundTruth> all = GroundTruth.loadDir(dir);

        assertThat(all).singleElement().extracting(GroundTruth::image).isEqualTo(dir.resolve("PAG5219.jpg"));
    }

    private static Reading reading(String... texts) {
        List<Candidate> c = java.util.Arrays.stream(texts).map(t -> new Candidate(t, 0.5)).toList();
        return new Reading(texts[0], 0.5, new double[texts[0].length()], c);
    }
}
