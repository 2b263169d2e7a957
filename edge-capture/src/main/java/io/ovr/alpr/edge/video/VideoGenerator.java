package io.ovr.alpr.edge.video;

import io.ovr.alpr.edge.synth.Backgrounds;
import io.ovr.alpr.edge.synth.PlateRenderer;
import io.ovr.alpr.edge.synth.PlateStyle;
import io.ovr.alpr.edge.synth.PlateText;
import io.ovr.alpr.edge.image.Box;
import io.ovr.alpr.edge.image.Homography;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Entry point of {@code alpr generate-video}: renders an H.264 mp4 of vehicles (a plate on a
 * bumper-like body) driving through a scene, one after another, with a ground-truth CSV
 * ({@code frame,x,y,w,h,text}) next to it and the list of plates shown.
 */
public final class VideoGenerator {

    /**
     * Settings of one video.
     *
     * @param output the mp4 to write (the truth goes to the same name with {@code .csv})
     * @param width frame width
     * @param height frame height
     * @param fps frames per second
     * @param vehicles how many vehicles pass (each takes {@code secondsPerVehicle})
     * @param secondsPerVehicle duration of one pass
     * @param seed seed of plates, backgrounds and paths
     * @param backgrounds backgrounds folder, or null for generated clutter
     */
    public record Config(Path output, int width, int height, double fps, int vehicles, double secondsPerVehicle,
                         long seed, Path backgrounds) {
    }

    /**
     * What was rendered.
     *
     * @param video the mp4
     * @param truth the CSV
     * @param plates the plate texts in order of appearance
     * @param frames frames written
     */
    public record Result(Path video, Path truth, List<String> plates, long frames) {
    }

    private final Config config;

    public VideoGenerator(Config config) {
        this.config = config;
    }

    public Result run() throws IOException {
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        Backgrounds bg = config.backgrounds() == null ? Backgrounds.generated() : Backgrounds.load(config.backgrounds());
        PlateRenderer plates = new PlateRenderer(config.seed(), bg);
        Random rnd = new Random(config.seed() + 1);
        Path truth = config.output().resolveSibling(config.output().getFileName().toString().replaceAll("\\.mp4$", "") + ".csv");
        List<String> shown = new ArrayList<>();
        long frame = 0;
        Java2DFrameConverter converter = new Java2DFrameConverter();
        try (FFmpegFrameRecorder rec = recorder(); Writer csv = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            rec.start();
            csv.write("frame,x,y,w,h,text\n");
            for (int v = 0; v < config.vehicles(); v++) {
                PlateStyle style = rnd.nextDouble() < 0.6 ? PlateStyle.BR : plates.nextStyle();
                PlateText text = plates.nextText(style);
                shown.add(text.label());
                frame = pass(rec, csv, converter, bg, plates.flat(style, text), text, rnd, frame);
            }
            rec.stop();
        }
        return new Result(config.output(), truth, List.copyOf(shown), frame);
    }

    private FFmpegFrameRecorder recorder() {
        FFmpegFrameRecorder rec = new FFmpegFrameRecorder(config.output().toFile(), config.width(), config.height());
        rec.setFormat("mp4");
        rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        rec.setFrameRate(config.fps());
        rec.setVideoQuality(20);
        // one encoder thread: with several, the encoder splits the work differently from run to run
        // and the same seed gave different bytes (and readings), so benches and demos differed
        rec.setVideoOption("threads", "1");
        return rec;
    }

    /** One vehicle driving towards the camera: the plate grows and moves down the frame. */
    private long pass(FFmpegFrameRecorder rec, Writer csv, Java2DFrameConverter conv, Backgrounds bg,
                      BufferedImage plate, PlateText text, Random rnd, long frame) throws IOException {
        int w = config.width();
        int h = config.height();
        BufferedImage background = bgFrame(bg, rnd);
        int n = (int) Math.round(config.secondsPerVehicle() * config.fps());
        double x0 = w * (0.25 + 0.4 * rnd.nextDouble());
        double x1 = x0 + w * (rnd.nextDouble() - 0.5) * 0.2;
        double aspect = (double) plate.getHeight() / plate.getWidth();
        Color body = new Color(30 + rnd.nextInt(200), 30 + rnd.nextInt(200), 30 + rnd.nextInt(200));
        for (int i = 0; i < n; i++) {
            double t = (double) i / Math.max(1, n - 1);
            double pw = w * (0.12 + 0.12 * t);
            double ph = pw * aspect;
            double cx = x0 + (x1 - x0) * t;
            double cy = h * (0.45 + 0.3 * t);
            BufferedImage img = copy(background);
            Graphics2D g = img.createGraphics();
            g.setPaint(new GradientPaint((float) cx, (float) (cy - 2 * ph), body, (float) cx, (float) (cy + 2 * ph), body.darker()));
            g.fill(new RoundRectangle2D.Double(cx - 2.2 * pw, cy - 3 * ph, 4.4 * pw, 4.5 * ph, pw, ph));
            g.dispose();
            double[] quad = {cx - pw / 2, cy - ph / 2, cx + pw / 2, cy - ph / 2, cx + pw / 2, cy + ph / 2, cx - pw / 2, cy + ph / 2};
            Homography.warpInto(img, plate, quad);
            rec.record(conv.convert(img));
            Box b = Box.bounding(quad);
            csv.write(String.format(Locale.ROOT, "%d,%.0f,%.0f,%.0f,%.0f,%s%n", frame++, b.x(), b.y(), b.w(), b.h(), text.label()));
        }
        return frame;
    }

    private BufferedImage bgFrame(Backgrounds bg, Random rnd) {
        return new PlateRenderer(rnd.nextLong(), bg).backgroundFrame(config.width(), config.height());
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        out.getGraphics().drawImage(src, 0, 0, null);
        return out;
    }
}
