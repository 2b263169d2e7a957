package io.ovr.alpr.edge.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoGeneratorTest {

    @TempDir
    Path dir;

    /** At 640x360 the encoder, left to choose its threads, wrote different bytes from run to run. */
    @Test
    void theSameSeedShouldGiveTheSameVideoByteForByte() throws Exception {
        VideoGenerator.Result first = new VideoGenerator(new VideoGenerator.Config(dir.resolve("a.mp4"), 640, 360, 10, 2,
                1.0, 5, null)).run();
        VideoGenerator.Result second = new VideoGenerator(new VideoGenerator.Config(dir.resolve("b.mp4"), 640, 360, 10, 2,
                1.0, 5, null)).run();

        assertThat(Files.mismatch(first.video(), second.video())).as("first byte where the videos differ").isEqualTo(-1L);
        assertThat(Files.readAllLines(second.truth())).isEqualTo(Files.readAllLines(first.truth()));
        assertThat(second.plates()).isEqualTo(first.plates());
    }
}
