package io.ovr.alpr.edge.train;

import io.ovr.alpr.edge.eval.TextMetrics;
import io.ovr.alpr.edge.reader.CtcReaderNet;
import io.ovr.alpr.edge.reader.PlateFormats;
import io.ovr.alpr.edge.reader.PlateReader;
import io.ovr.alpr.edge.reader.ReaderNet;
import io.ovr.alpr.edge.reader.Reading;
import io.ovr.alpr.edge.synth.Backgrounds;
import io.ovr.alpr.edge.synth.PlateRenderer;
import io.ovr.alpr.edge.synth.PlateSample;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trains the plate reader on rendered plates mixed with the training part of the real labelled crops. */
final class ReaderTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderTrainer.class);
    static final double REAL_FRACTION = 0.2;
    static final int HOLDOUT_EVERY = 5;

    private final TrainConfig config;

    ReaderTrainer(TrainConfig config) {
        this.config = config;
    }

    TrainResult run() throws IOException, InterruptedException {
        Files.createDirectories(config.outputDir());
        Backgrounds bg = config.dataDir() == null ? Backgrounds.generated() : Backgrounds.load(config.dataDir().resolve("backgrounds"));
        LabelledPlates real = realPlates();
        boolean ctc = config.architecture() == TrainConfig.ReaderArchitecture.CTC;
        ComputationGraph net = ctc ? Networks.ctcReader(config)
                : Networks.initial(config, () -> ReaderNet.build(config.seed(), config.learningRate()));
        int steps = fit(net, new ReaderBatches(new PlateRenderer(config.seed(), bg),
                real == null ? List.of() : real.train(), REAL_FRACTION, config.seed() + 1, ctc));
        Path model = config.outputDir().resolve("reader.zip");
        ModelSerializer.writeModel(net, model.toFile(), false);
        Map<String, Double> metrics = measure(new PlateReader(net, 5), bg, real);
        metrics.put("steps", (double) steps);
        metrics.put("total_steps", (double) net.getIterationCount());
        ModelCard.writeReader(config, metrics, real == null ? 0 : real.train().size(),
                real == null ? 0 : real.holdout().size(), net.numParams(), ctc ? CtcReaderNet.widthsOf(net) : null);
        return new TrainResult(model, steps, metrics);
    }

    private LabelledPlates realPlates() {
        Path dir = config.dataDir() == null ? null : config.dataDir().resolve("plates-br-labelled");
        return dir != null && Files.isDirectory(dir) ? LabelledPlates.load(dir, HOLDOUT_EVERY) : null;
    }

    private int fit(ComputationGraph net, ReaderBatches batches) throws IOException, InterruptedException {
        BlockingQueue<MultiDataSet> queue = new ArrayBlockingQueue<>(4);
        Thread producer = BatchProducer.start(queue, () -> batches.next(config.batchSize()));
        Progress progress = new Progress("reader");
        int step = 0;
        try {
            while (step < config.steps() && progress.elapsedMinutes() < config.maxMinutes() && !stopRequested()) {
                net.fit(queue.take());
                step++;
                progress.step(step, config.batchSize(), net.score(), 50);
                if (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0) {
                    ModelSerializer.writeModel(net, config.outputDir().resolve("reader-checkpoint.zip").toFile(), true);
                }
            }
        } finally {
            producer.interrupt();
        }
        LOG.info("reader trained {} steps in {} min", step, String.format(java.util.Locale.ROOT, "%.1f", progress.elapsedMinutes()));
        return step;
    }

    /**
     * Held-out synthetic plates (a seed never used for training) and the held-out real crops: the
     * network alone (one view, no format prior), and for a CTC network also with the default
     * views and with all {@link PlateReader#VIEWS}, each without and with a format prior: the three
     * regions' formats together ({@code formats}), each plate with its own region's
     * ({@code own_region}, as a camera set to its region reads), and Brazil's for the real crops.
     */
    Map<String, Double> measure(PlateReader reader, Backgrounds bg, LabelledPlates real) {
        Map<String, Double> out = new LinkedHashMap<>();
        PlateRenderer heldOut = new PlateRenderer(heldOutSeed(config.seed()), bg);
        List<PlateSample> samples = new ArrayList<>();
        for (int i = 0; i < config.evalSize(); i++) {
            samples.add(heldOut.nextCrop());
        }
        List<BufferedImage> images = samples.stream().map(PlateSample::image).toList();
        List<String> texts = samples.stream().map(s -> s.text().label()).toList();
        putAll(out, "synthetic_", score(reader, images, texts));
        out.put("synthetic_count", (double) images.size());
        List<BufferedImage> ri = real == null ? List.of() : real.holdout().stream().map(LabelledPlates.Plate::image).toList();
        List<String> rt = real == null ? List.of() : real.holdout().stream().map(LabelledPlates.Plate::text).toList();
        if (real != null) {
            putAll(out, "real_holdout_", score(reader, ri, rt));
            out.put("real_holdout_count", (double) ri.size());
        }
        int[] viewCounts = reader.ctc() ? java.util.stream.IntStream.of(PlateReader.DEFAULT_VIEWS, PlateReader.VIEWS.size())
                .distinct().toArray() : new int[0];
        for (int v : viewCounts) {
            PlateReader views = reader.withViews(v);
            putMain(out, "synthetic_views" + v + "_", score(views, images, texts));
            putMain(out, "synthetic_views" + v + "_formats_", score(views.withFormats(PlateFormats.parse("br,us,eu")), images, texts));
            putMain(out, "synthetic_views" + v + "_own_region_", scoreByRegion(views, samples));
            if (real != null) {
                putMain(out, "real_holdout_views" + v + "_", score(views, ri, rt));
                putMain(out, "real_holdout_views" + v + "_br_", score(views.withFormats(PlateFormats.parse("br")), ri, rt));
            }
        }
        return out;
    }

    /** Each sample read with the formats of its own region. */
    private static Map<String, Double> scoreByRegion(PlateReader reader, List<PlateSample> samples) {
        TextMetrics m = new TextMetrics();
        Map<String, List<PlateSample>> byRegion = new LinkedHashMap<>();
        samples.forEach(s -> byRegion.computeIfAbsent(s.style().region(), k -> new ArrayList<>()).add(s));
        byRegion.forEach((region, group) -> {
            List<Reading> readings = reader.withFormats(PlateFormats.parse(region))
                    .read(group.stream().map(PlateSample::image).toList());
            for (int i = 0; i < group.size(); i++) {
                m.add(group.get(i).text().label(), readings.get(i));
            }
        });
        return m.figures();
    }

    /** Top-1, top-5 and character accuracy only (the folded figures are in the main rows). */
    private static void putMain(Map<String, Double> out, String prefix, Map<String, Double> figures) {
        for (String k : List.of("top1", "top5", "char_accuracy")) {
            out.put(prefix + k, figures.get(k));
        }
    }

    static long heldOutSeed(long seed) {
        return seed ^ 0x5EED_0F_4E1DL;
    }

    static Map<String, Double> score(PlateReader reader, List<BufferedImage> images, List<String> texts) {
        List<Reading> readings = reader.read(images);
        TextMetrics m = new TextMetrics();
        for (int i = 0; i < texts.size(); i++) {
            m.add(texts.get(i), readings.get(i));
        }
        return m.figures();
    }

    private static void putAll(Map<String, Double> out, String prefix, Map<String, Double> figures) {
        figures.forEach((k, v) -> out.put(prefix + k, v));
    }

    private boolean stopRequested() {
        return Files.exists(config.outputDir().resolve(TrainConfig.STOP_FILE));
    }
}
