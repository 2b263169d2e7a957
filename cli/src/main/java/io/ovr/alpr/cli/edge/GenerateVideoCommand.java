package io.ovr.alpr.cli.edge;

import io.ovr.alpr.edge.video.VideoGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alpr generate-video}: renders vehicles with synthetic plates to an mp4, ground truth beside it. */
@Command(name = "generate-video", mixinStandardHelpOptions = true,
        description = "Render a scene video (vehicles with synthetic plates) to mp4, with a ground-truth CSV beside it.")
public final class GenerateVideoCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "FILE.mp4", defaultValue = "${env:ALPR_VIDEO_OUTPUT:-target/sample.mp4}",
            description = "The video to write (env ALPR_VIDEO_OUTPUT, default ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--width", defaultValue = "${env:ALPR_VIDEO_WIDTH:-1280}",
            description = "Frame width (env ALPR_VIDEO_WIDTH, default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "${env:ALPR_VIDEO_HEIGHT:-720}",
            description = "Frame height (env ALPR_VIDEO_HEIGHT, default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--fps", defaultValue = "${env:ALPR_VIDEO_FPS:-15}",
            description = "Frames per second (env ALPR_VIDEO_FPS, default ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--vehicles", defaultValue = "${env:ALPR_VIDEO_VEHICLES:-6}",
            description = "Vehicles passing, one after another (env ALPR_VIDEO_VEHICLES, default ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--seconds-per-vehicle", defaultValue = "${env:ALPR_VIDEO_SECONDS_PER_VEHICLE:-2.5}",
            description = "Duration of one pass (env ALPR_VIDEO_SECONDS_PER_VEHICLE, default ${DEFAULT-VALUE}).")
    double secondsPerVehicle;

    @Option(names = "--seed", defaultValue = "${env:ALPR_VIDEO_SEED:-7}",
            description = "Seed of plates, backgrounds and paths (env ALPR_VIDEO_SEED, default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--backgrounds", paramLabel = "DIR", defaultValue = "${env:ALPR_VIDEO_BACKGROUNDS:-../shared/data/backgrounds}",
            description = "Background photos; generated clutter when the folder is missing (env ALPR_VIDEO_BACKGROUNDS, "
                    + "default ${DEFAULT-VALUE}).")
    Path backgrounds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (width < 64 || height < 64 || width % 2 != 0 || height % 2 != 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "width and height must be even and >= 64");
        }
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        VideoGenerator.Result r = new VideoGenerator(new VideoGenerator.Config(output, width, height, fps, vehicles,
                secondsPerVehicle, seed, Files.isDirectory(backgrounds) ? backgrounds : null)).run();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d frames at %dx%d, %.0f fps; plates %s; ground truth %s%n", r.video(), r.frames(), width, height,
                fps, r.plates(), r.truth());
        out.flush();
        return 0;
    }
}
