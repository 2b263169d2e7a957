package io.ovr.alpr.edge.train;

import io.ovr.alpr.edge.detect.Detection;
import io.ovr.alpr.edge.detect.DetectorNet;
import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.synth.Backgrounds;
import io.ovr.alpr.edge.synth.PlateTruth;
import io.ovr.alpr.edge.synth.Scene;
import io.ovr.alpr.edge.synth.SceneRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trains the plate detector on rendered scenes (synthetic plates and real crops on real backgrounds). */
final class DetectorTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorTrainer.class);
    static final double THRESHOLD = 0.5;
    static final String DESCRIPTION = String.format(Locale.ROOT, """
            Input: the frame scaled to %d px wide (%dx112 for 16:9), grey. Six 3x3 convolutions
            (8-16-16-32-32d2-32d2 channels, stride 8, ReLU), 2x upsampling merged with the stride-4 features,
            a 1x1 and a 3x3 convolution and a sigmoid per 4x4 cell (binary cross-entropy against
            the plate polygon). Boxes: cells above the threshold (chosen from 0.2-0.7 by the best F1
            of detection on held-out synthetic scenes; in `detector.properties` and the table below),
            4-connected components of at least 3 cells, NMS at IoU 0.3.""", DetectorNet.INPUT_WIDTH,
            DetectorNet.INPUT_WIDTH);

    private final TrainConfig config;

    DetectorTrainer(TrainConfig config) {
        this.config = config;
    }

    TrainResult run() throws IOException, InterruptedException {
        Files.createDirectories(config.outputDir());
        Backgrounds bg = backgrounds();
        ComputationGraph net = Networks.initial(config, () -> DetectorNet.build(config.seed(), config.learningRate()));
        int steps = fit(net, new DetectorBatches(new SceneRenderer(config.seed(), bg, realCrops(200_000)), config.seed() + 1));
        Path model = config.outputDir().resolve("detector.zip");
        ModelSerializer.writeModel(net, model.toFile(), false);
        List<Scene> heldOut = heldOutScenes(bg);
        double threshold = chooseThreshold(net, heldOut);
        Map<String, Double> metrics = measure(new PlateDetector(net, threshold), heldOut);
        metrics.put("threshold", threshold);
        Files.writeString(config.outputDir().resolve("detector.properties"),
                "# chosen on held-out synthetic scenes (best F1 of detection)\nthreshold=" + threshold + "\n");
        metrics.put("steps", (double) steps);
        metrics.put("total_steps", (double) net.getIterationCount());
        ModelCard.writeDetector(config, metrics, net.numParams(), DESCRIPTION);
        return new TrainResult(model, steps, metrics);
    }

    private Backgrounds backgrounds() {
        return config.dataDir() == null ? Backgrounds.generated() : Backgrounds.load(config.dataDir().resolve("backgrounds"));
    }

    private List<BufferedImage> realCrops(int limit) {
        Path dir = config.dataDir() == null ? null : config.dataDir().resolve("plates-unlabelled");
        return dir != null && Files.isDirectory(dir) ? SceneRenderer.loadCrops(dir, limit) : List.of();
    }

    private int fit(ComputationGraph net, DetectorBatches batches) throws IOException, InterruptedException {
        BlockingQueue<DataSet> queue = new ArrayBlockingQueue<>(4);
        Thread producer = BatchProducer.start(queue, () -> batches.next(config.batchSize()));
        Progress progress = new Progress("detector");
        int step = 0;
        try {
            while (step < config.steps() && progress.elapsedMinutes() < config.maxMinutes() && !stopRequested()) {
                net.fit(queue.take());
                step++;
                progress.step(step, config.batchSize(), net.score(), 50);
                if (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0) {
                    ModelSerializer.writeModel(net, config.outputDir().resolve("detector-checkpoint.zip").toFile(), true);
                }
            }
        } finally {
            producer.interrupt();
        }
        LOG.info("detector trained {} steps in {} min", step, String.format(Locale.ROOT, "%.1f", progress.elapsedMinutes()));
        return step;
    }

    private List<Scene> heldOutScenes(Backgrounds bg) {
        DetectorBatches batches = new DetectorBatches(new SceneRenderer(ReaderTrainer.heldOutSeed(config.seed()), bg,
                List.of()), config.seed());
        List<Scene> out = new java.util.ArrayList<>();
        for (int i = 0; i < config.evalSize(); i++) {
            out.add(batches.nextScene());
        }
        return out;
    }

    /** The cell threshold with the best F1 of detection on the held-out scenes. */
    static double chooseThreshold(ComputationGraph net, List<Scene> heldOut) {
        double best = THRESHOLD;
        double bestF1 = -1;
        for (double t = 0.2; t < 0.75; t += 0.1) {
            double threshold = Math.round(t * 10) / 10.0;
            Map<String, Double> m = measure(new PlateDetector(net, threshold), heldOut);
            double recall = m.get("synthetic_detection_rate");
            double found = recall * m.get("synthetic_plates");
            double falses = m.get("synthetic_false_per_image") * heldOut.size();
            double precision = found + falses == 0 ? 0 : found / (found + falses);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            LOG.info(String.format(Locale.ROOT, "threshold %.1f: detection rate %.3f, false/image %.3f, F1 %.3f",
                    threshold, recall, m.get("synthetic_false_per_image"), f1));
            if (f1 > bestF1) {
                bestF1 = f1;
                best = threshold;
            }
        }
        return best;
    }

    /** Detection rate (IoU at least 0.4) and false detections per image on held-out scenes. */
    static Map<String, Double> measure(PlateDetector detector, List<Scene> heldOut) {
        int plates = 0;
        int found = 0;
        int falses = 0;
        for (Scene s : heldOut) {
            List<Detection> dets = detector.detect(s.image());
            plates += s.plates().size();
            for (PlateTruth t : s.plates()) {
                found += dets.stream().anyMatch(d -> d.box().iou(t.box()) >= 0.4) ? 1 : 0;
            }
            falses += (int) dets.stream().filter(d -> s.plates().stream().noneMatch(t -> d.box().iou(t.box()) >= 0.4)).count();
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("synthetic_scenes", (double) heldOut.size());
        m.put("synthetic_plates", (double) plates);
        m.put("synthetic_detection_rate", plates == 0 ? 0 : (double) found / plates);
        m.put("synthetic_false_per_image", (double) falses / Math.max(1, heldOut.size()));
        return m;
    }

    private boolean stopRequested() {
        return Files.exists(config.outputDir().resolve(TrainConfig.STOP_FILE));
    }
}
