package io.ovr.alpr.cli.ops;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The repository's ops files and the external tools that check them (docker-compose, promtool,
 * node). A tool missing from the PATH aborts the test (reported as skipped): developers may lack
 * them, CI ({@code .ci/run}) installs them and fails on any skipped test.
 */
final class OpsTools {

    /** The repository root (tests run in the {@code cli} module's directory). */
    static final Path ROOT = root();

    private OpsTools() {
    }

    /** What a finished tool printed (stdout and stderr together) and its exit status. */
    record Result(int exit, String output) {
    }

    /** Runs {@code command} in the repository root; aborts the test when the tool is not installed. */
    static Result run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            abort(command[0] + " is not installed (CI installs it: .ci/run): " + notInstalled.getMessage());
            throw notInstalled;
        }
        process.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), out), "tool-output");
        reader.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
        }
        reader.join();
        return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var stream = Files.list(dir)) {
            stream.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().forEach(files::add);
        }
        return files;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException closed) {
            // the process ended
        }
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
