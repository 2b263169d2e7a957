package io.ovr.alpr.edge.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ovr.alpr.edge.reader.CtcReaderNet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the model card (Markdown) and the metrics (JSON) next to the weights. */
final class ModelCard {

    static final String CREDIT = """
            ## Data credit and licence
            Real images (plate crops, street backgrounds) come from the public OpenALPR data
            repositories (openalpr/train-detector, openalpr/train-ocr, openalpr/benchmarks), licensed
            AGPL-3.0; weights trained on them are shared under the same terms. Synthetic plates are
            drawn with the DejaVu fonts (Bitstream Vera / DejaVu licence). `bench-br` (the OpenALPR
            Brazilian end-to-end benchmark) was never used for training or model selection: it is only
            the final measurement. A check of every training crop against the 114 bench-br plates
            (normalised grey 48x16 correlation) found no near-duplicate (highest 0.77).
            """;

    static final String CTC_DESCRIPTION = """
            Reads a whole grey plate crop (32x96, standardised per crop) without character
            segmentation and without a fixed length: 3x3 convolutions of %d-%d-%d-%d channels (ReLU;
            2x2, 2x2 and 2x1 max pooling), a 4x1 convolution collapsing the height into 24 frames of
            %d features, a 1x3 convolution of %d channels for context along the plate, and per frame the logits of
            37 classes (0-9, A-Z, CTC blank). Trained with CTC (the project's own forward-backward in
            `Ctc`, checked against finite differences). Text and top-N candidates come from a CTC
            prefix beam search; per-character confidences from the frames emitting each character.""";

    static final String SLOTS_DESCRIPTION = """
            Reads a whole grey plate crop (32x96, standardised per crop) without character
            segmentation: 3x3 convolutions of 16-24-48-64 channels (ReLU, 2x2 max pooling after the
            first three), a 256-unit dense layer, and 8 softmax heads of 37 classes (0-9, A-Z, blank),
            one per left-aligned character slot. Per-character confidences are the slot
            probabilities; top-N candidates come from a beam search over the slots.""";

    private ModelCard() {
    }

    static void writeReader(TrainConfig c, Map<String, Double> metrics, int realTrain, int realHoldout, long params,
                            CtcReaderNet.Widths widths) throws IOException {
        String body = String.format(Locale.ROOT, """
                # Plate reader (%s)

                %s
                Parameters: %d. Trained by `alpr train reader --architecture %s`
                (class `io.ovr.alpr.edge.train.Trainer`).

                ## Training
                - seed %d, %s optimisation steps in all, batch %d, Adam learning rate %s
                - synthetic plates rendered by `PlateRenderer` (45%% Brazilian grey/red, 10%% Mercosur,
                  20%% US, 25%% EU; perspective, lighting, blur, noise, JPEG) on the real backgrounds
                - %d real Brazilian crops from plates-br-labelled (%.0f%% of each batch, augmented);
                  %d crops (every plate text whose hash falls in 1 of %d buckets) held out for measuring

                ## Measured (held-out data, never trained on)
                %s
                """ + CREDIT,
                c.architecture() == TrainConfig.ReaderArchitecture.CTC ? "CTC" : "fixed-slot multi-head classifier",
                c.architecture() == TrainConfig.ReaderArchitecture.CTC
                        ? String.format(Locale.ROOT, CTC_DESCRIPTION, widths.c1(), widths.c2(), widths.c3(), widths.c4(),
                                widths.c5(), widths.c6())
                        : SLOTS_DESCRIPTION,
                params, c.architecture().name().toLowerCase(Locale.ROOT), c.seed(), fmt(metrics.get("total_steps")), c.batchSize(), c.learningRate(),
                realTrain, ReaderTrainer.REAL_FRACTION * 100, realHoldout, ReaderTrainer.HOLDOUT_EVERY, table(metrics));
        write(c, "reader", body, metrics);
    }

    static void writeDetector(TrainConfig c, Map<String, Double> metrics, long params, String description)
            throws IOException {
        String body = String.format(Locale.ROOT, """
                # Plate detector (fully-convolutional heat map)

                %s
                Parameters: %d. Trained by `alpr train detector` (class `io.ovr.alpr.edge.train.Trainer`).

                ## Training
                - seed %d, %s optimisation steps in all, batch %d, Adam learning rate %s
                - scenes rendered by `SceneRenderer`: synthetic plates (and, 30%% of the time, real crops from
                  plates-unlabelled) composited onto the 600 real backgrounds at 192x112, plates 8-60%% of the
                  width; 15%% of scenes have no plate; trained on 96x56 windows (70%% around a plate), measured
                  on whole held-out scenes

                ## Measured (held-out synthetic scenes, never trained on)
                %s
                """ + CREDIT,
                description, params, c.seed(), fmt(metrics.get("total_steps")), c.batchSize(), c.learningRate(),
                table(metrics));
        write(c, "detector", body, metrics);
    }

    private static String table(Map<String, Double> metrics) {
        return "| figure | value |\n|---|---|\n" + metrics.entrySet().stream()
                .map(e -> "| " + e.getKey() + " | " + fmt(e.getValue()) + " |")
                .collect(Collectors.joining("\n")) + "\n";
    }

    static String fmt(Double v) {
        if (v == null) {
            return "-";
        }
        return v == Math.rint(v) && Math.abs(v) > 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static void write(TrainConfig c, String name, String card, Map<String, Double> metrics) throws IOException {
        Files.writeString(c.outputDir().resolve(name + "-card.md"), card, StandardCharsets.UTF_8);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(c.outputDir().resolve(name + "-metrics.json").toFile(), metrics);
    }
}
