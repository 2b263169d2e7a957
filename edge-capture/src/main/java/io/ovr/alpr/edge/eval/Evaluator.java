package io.ovr.alpr.edge.eval;

import io.ovr.alpr.edge.detect.Detection;
import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.image.Box;
import io.ovr.alpr.edge.image.ImageOps;
import io.ovr.alpr.edge.reader.CropSearch;
import io.ovr.alpr.edge.reader.PlateReader;
import io.ovr.alpr.edge.reader.Reading;
import io.ovr.alpr.edge.synth.Backgrounds;
import io.ovr.alpr.edge.synth.Scene;
import io.ovr.alpr.edge.synth.SceneRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Entry point of {@code alpr eval}: runs detector and reader end to end on a dataset in the
 * OpenALPR benchmark format, or on held-out rendered scenes, and reports detection rate
 * (IoU at least 0.4), top-1/top-5 exact reads, character accuracy (strict and with O/0 folded),
 * false detections per image and frames per second; plus the reader alone on the true boxes.
 */
public final class Evaluator {

    static final double MIN_IOU = 0.4;

    /** The figures in table order. */
    public static final List<String> ORDER = List.of("images", "plates", "detection_rate", "false_detections_per_image",
            "top1", "top5", "char_accuracy", "top1_folded", "top5_folded", "char_accuracy_folded",
            "truth_box_top1", "truth_box_top5", "truth_box_char_accuracy", "truth_box_top1_folded",
            "truth_box_char_accuracy_folded", "fps", "ms_per_frame");

    /**
     * Settings of one evaluation.
     *
     * @param dataset a benchmark-format folder, or null for held-out synthetic scenes
     * @param syntheticScenes scenes to render when {@code dataset} is null
     * @param seed seed of the synthetic scenes
     * @param backgrounds backgrounds folder for synthetic scenes (null: generated clutter)
     * @param outputJson where to write the JSON (null: none)
     */
    public record Config(Path dataset, int syntheticScenes, long seed, Path backgrounds, Path outputJson) {
    }

    private final Config config;
    private final PlateDetector detector;
    private final PlateReader reader;
    private final CropSearch search;

    /** End to end with {@link CropSearch#single()}, as the edge pipeline reads by default. */
    public Evaluator(Config config, PlateDetector detector, PlateReader reader) {
        this(config, detector, reader, CropSearch.single());
    }

    public Evaluator(Config config, PlateDetector detector, PlateReader reader, CropSearch search) {
        this.config = config;
        this.detector = detector;
        this.reader = reader;
        this.search = search;
    }

    public EvalReport run() throws IOException {
        Counts c = new Counts();
        if (config.dataset() != null) {
            for (GroundTruth gt : GroundTruth.loadDir(config.dataset())) {
                c.add(read(gt.image()), gt.plates());
            }
        } else {
            Backgrounds bg = config.backgrounds() == null ? Backgrounds.generated() : Backgrounds.load(config.backgrounds());
            SceneRenderer scenes = new SceneRenderer(config.seed(), bg, List.of());
            for (int i = 0; i < config.syntheticScenes(); i++) {
                Scene s = scenes.next(1280, 720, 0.08, 0.45);
                c.add(s.image(), s.plates().stream().map(p -> new GroundTruth.Plate(p.box(), p.text().label())).toList());
            }
        }
        EvalReport report = new EvalReport(config.dataset() == null ? "synthetic held-out" : config.dataset().toString(),
                c.figures());
        if (config.outputJson() != null) {
            report.writeJson(config.outputJson());
        }
        return report;
    }

    private static BufferedImage read(Path image) {
        try {
            return ImageOps.toRgb(ImageIO.read(image.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Crops for the reader: the box with the reader's margin, taken from the frame. */
    public static List<BufferedImage> crops(BufferedImage frame, List<Box> boxes) {
        return boxes.stream().map(b -> ImageOps.crop(frame, b.expand(CropSearch.MARGIN_X, CropSearch.MARGIN_Y)))
                .toList();
    }

    private final class Counts {
        private final TextMetrics endToEnd = new TextMetrics();
        private final TextMetrics truthBoxes = new TextMetrics();
        private int images;
        private int plates;
        private int found;
        private int falses;
        private long nanos;

        void add(BufferedImage frame, List<GroundTruth.Plate> truth) {
            long t0 = System.nanoTime();
            List<Detection> dets = detector.detect(frame);
            List<Reading> reads = search.read(reader, frame, dets.stream().map(Detection::box).toList()).stream()
                    .map(CropSearch.Result::reading).toList();
            nanos += System.nanoTime() - t0;
            images++;
            for (GroundTruth.Plate p : truth) {
                plates++;
                int best = bestMatch(dets, p.box());
                found += best >= 0 ? 1 : 0;
                endToEnd.add(p.text(), best >= 0 ? reads.get(best) : null);
            }
            falses += (int) dets.stream().filter(d -> truth.stream().noneMatch(p -> d.box().iou(p.box()) >= MIN_IOU)).count();
            List<Reading> oracle = reader.read(crops(frame, truth.stream().map(GroundTruth.Plate::box).toList()));
            for (int i = 0; i < truth.size(); i++) {
                truthBoxes.add(truth.get(i).text(), oracle.get(i));
            }
        }

        private int bestMatch(List<Detection> dets, Box truth) {
            int best = -1;
            double bestIou = MIN_IOU;
            for (int i = 0; i < dets.size(); i++) {
                double iou = dets.get(i).box().iou(truth);
                if (iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            return best;
        }

        Map<String, Double> figures() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("images", (double) images);
            m.put("plates", (double) plates);
            m.put("detection_rate", plates == 0 ? 0 : (double) found / plates);
            m.put("false_detections_per_image", images == 0 ? 0 : (double) falses / images);
            m.putAll(endToEnd.figures());
            truthBoxes.figures().forEach((k, v) -> m.put("truth_box_" + k, v));
            double secs = nanos / 1e9;
            m.put("fps", secs == 0 ? 0 : images / secs);
            m.put("ms_per_frame", images == 0 ? 0 : secs * 1000 / images);
            return m;
        }
    }
}
