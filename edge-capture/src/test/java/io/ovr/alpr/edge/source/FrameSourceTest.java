package io.ovr.alpr.edge.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.edge.video.VideoGenerator;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSourceTest {

    @TempDir
    Path dir;

    @Test
    void shouldDecodeEveryFrameOfAGeneratedVideoWithItsGroundTruth() throws Exception {
        VideoGenerator.Result video = new VideoGenerator(new VideoGenerator.Config(dir.resolve("v.mp4"), 320, 192, 10, 2,
                1.0, 5, null)).run();

        List<CapturedFrame> frames = readAll(FrameSource.open(video.video().toString(), 0));

        assertThat(video.frames()).isEqualTo(20);
        assertThat(frames).hasSize(20);
        assertThat(frames.get(0).image().getWidth()).isEqualTo(320);
        assertThat(frames).extracting(CapturedFrame::timestampMillis).isSorted();
        assertThat(Files.readAllLines(video.truth())).hasSize(21).element(1).asString()
                .endsWith("," + video.plates().get(0));
    }

    @Test
    void videoFramesShouldHaveThePixelsJavaCvsConverterGivesAs3ByteBgr() throws Exception {
        VideoGenerator.Result video = new VideoGenerator(new VideoGenerator.Config(dir.resolve("v.mp4"), 320, 192, 10, 1,
                1.0, 5, null)).run();

        List<CapturedFrame> frames = readAll(FrameSource.open(video.video().toString(), 0));
        List<BufferedImage> converted = new ArrayList<>();
        try (org.bytedeco.javacv.FFmpegFrameGrabber g = new org.bytedeco.javacv.FFmpegFrameGrabber(video.video().toFile());
             org.bytedeco.javacv.Java2DFrameConverter c = new org.bytedeco.javacv.Java2DFrameConverter()) {
            g.start();
            for (org.bytedeco.javacv.Frame f; (f = g.grabImage()) != null; ) {
                converted.add(copy(c.convert(f)));
            }
        }

        assertThat(frames).hasSameSizeAs(converted).hasSize(10);
        for (int i = 0; i < frames.size(); i++) {
            BufferedImage img = frames.get(i).image();
            assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
            assertThat(img.getRGB(0, 0, 320, 192, null, 0, 320)).as("frame %d", i)
                    .containsExactly(converted.get(i).getRGB(0, 0, 320, 192, null, 0, 320));
        }
    }

    @Test
    void bgrShouldSkipTheRowPaddingOfAStridedBuffer() {
        // 2x2 pixels in rows of 8 bytes: 6 of pixels, 2 of padding
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(new byte[] {
            1, 2, 3, 4, 5, 6, 99, 99,
            7, 8, 9, 10, 11, 12, 99, 99});

        BufferedImage img = VideoSource.bgr(buf, 2, 2, 8);

        assertThat(img.getRGB(0, 0)).isEqualTo(0xff030201);
        assertThat(img.getRGB(1, 0)).isEqualTo(0xff060504);
        assertThat(img.getRGB(0, 1)).isEqualTo(0xff090807);
        assertThat(img.getRGB(1, 1)).isEqualTo(0xff0c0b0a);
    }

    /** A copy, as the converter reuses its image for the next frame. */
    private static BufferedImage copy(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(img, 0, 0, null);
        return out;
    }

    @Test
    void shouldThinAVideoToTheTargetFrameRate() throws Exception {
        VideoGenerator.Result video = new VideoGenerator(new VideoGenerator.Config(dir.resolve("v.mp4"), 160, 96, 10, 1,
                2.0, 5, null)).run();

        List<CapturedFrame> frames = readAll(FrameSource.open(video.video().toString(), 5));

        assertThat(frames).hasSizeBetween(9, 11);
    }

    @Test
    void shouldReadAnImageFolderInNameOrderAsUnrelatedFrames() throws Exception {
        for (String name : List.of("b.png", "a.png", "c.jpg")) {
            ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), name.endsWith("png") ? "png" : "jpg",
                    dir.resolve(name).toFile());
        }
        Files.writeString(dir.resolve("notes.txt"), "not an image");

        try (FrameSource source = FrameSource.open(dir.toString(), 0)) {
            assertThat(source.continuous()).isFalse();
            assertThat(readAll(source)).extracting(CapturedFrame::index).containsExactly(0L, 1L, 2L);
        }
    }

    @Test
    void shouldWaitForAStreamThatIsNotThereYetAndReadItOnceItAppears() throws Exception {
        Path later = dir.resolve("later.mp4");
        java.util.concurrent.CompletableFuture<CapturedFrame> first;
        try (FrameSource source = FrameSource.open(later.toUri().toString(), 0)) {
            first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return source.next();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            new VideoGenerator(new VideoGenerator.Config(dir.resolve("tmp.mp4"), 160, 96, 10, 1, 0.5, 5, null)).run();
            Files.move(dir.resolve("tmp.mp4"), later);

            org.awaitility.Awaitility.await("first frame after the source appeared")
                    .atMost(java.time.Duration.ofSeconds(20)).until(first::isDone);
            assertThat(first.get().image().getWidth()).isEqualTo(160);
        }
    }

    private static List<CapturedFrame> readAll(FrameSource source) throws Exception {
        List<CapturedFrame> out = new ArrayList<>();
        try (source) {
            for (CapturedFrame f = source.next(); f != null; f = source.next()) {
                out.add(f);
            }
        }
        return out;
    }
}
