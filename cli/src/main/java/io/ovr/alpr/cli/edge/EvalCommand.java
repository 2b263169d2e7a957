package io.ovr.alpr.cli.edge;

import io.ovr.alpr.edge.eval.EvalReport;
import io.ovr.alpr.edge.eval.Evaluator;
import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.reader.PlateReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alpr eval}: runs detector and reader end to end on a dataset in the OpenALPR benchmark
 * format (or on held-out rendered scenes) and prints detection rate, top-1/top-5 exact reads,
 * character accuracy (strict and O/0-folded), false detections per image and frames per second.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure detector + reader on an OpenALPR-format dataset or on held-out synthetic scenes.")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--dataset", paramLabel = "DIR", defaultValue = "${env:ALPR_EVAL_DATASET}",
            description = "Folder of images with one .txt each (file, x, y, w, h, text, tab-separated); "
                    + "held-out synthetic scenes when absent (env ALPR_EVAL_DATASET).")
    Path dataset;

    @Option(names = "--synthetic-scenes", defaultValue = "${env:ALPR_EVAL_SYNTHETIC_SCENES:-200}",
            description = "Scenes to render without --dataset (env ALPR_EVAL_SYNTHETIC_SCENES, default ${DEFAULT-VALUE}).")
    int scenes;

    @Option(names = "--seed", defaultValue = "${env:ALPR_EVAL_SEED:-24301}",
            description = "Seed of the synthetic scenes, never used in training (env ALPR_EVAL_SEED, default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--backgrounds", paramLabel = "DIR", defaultValue = "${env:ALPR_EVAL_BACKGROUNDS:-../shared/data/backgrounds}",
            description = "Backgrounds for synthetic scenes (env ALPR_EVAL_BACKGROUNDS, default ${DEFAULT-VALUE}).")
    Path backgrounds;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "${env:ALPR_EVAL_OUTPUT:-target/eval.json}",
            description = "JSON report (env ALPR_EVAL_OUTPUT, default ${DEFAULT-VALUE}).")
    Path output;

    @Mixin
    ModelOptions models;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (dataset != null && !Files.isDirectory(dataset)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dataset is not a folder: " + dataset);
        }
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Path bg = Files.isDirectory(backgrounds) ? backgrounds : null;
        PlateReader reader = models.reader();
        PlateDetector detector = models.detector();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("detector: boxes %s; reader: %d view(s), plate formats %s, crops %s%n",
                detector.refines() ? "refined" : "as found", reader.views(), reader.formats(), models.crops);
        out.flush();
        EvalReport r = new Evaluator(new Evaluator.Config(dataset, scenes, seed, bg, output), detector,
                reader, models.cropSearch()).run();
        out.print(r.table(Evaluator.ORDER));
        out.printf("JSON: %s%n", output.toAbsolutePath());
        out.flush();
        return 0;
    }
}
