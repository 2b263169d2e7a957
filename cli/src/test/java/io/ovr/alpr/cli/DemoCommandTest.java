package io.ovr.alpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alpr demo --duration}: starts, prints where things run, stops cleanly, resumes on its data. */
@Tag("integration")
class DemoCommandTest {

    @Test
    void shouldStartPrintAddressesStopCleanlyAndResumeOnTheSameDataDir(@TempDir Path dir) {
        String first = run("demo", "--duration", "1s", "--data-dir", dir.toString());
        String second = run("demo", "--duration", "1s", "--data-dir", dir.toString());

        assertThat(first).contains("Kafka bootstrap servers  127.0.0.1:", "Schema Registry          http://127.0.0.1:",
                "7 topics", "6 subjects registered", "stopped cleanly");
        assertThat(second).contains("6 subjects registered", "stopped cleanly");
        assertThat(dir.resolve("kafka")).isDirectory();
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        int exit = AlprCommand.commandLine().setOut(new PrintWriter(out)).execute(args);
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }
}
