package io.ovr.alpr.cli.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.cli.AlprCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseReaderWidthsThatAreNotSixNumbersAsAUsageError() {
        StringWriter err = new StringWriter();

        int notNumbers = AlprCommand.commandLine().setErr(new PrintWriter(err)).execute("train", "reader",
                "--reader-widths", "12,24,wide,96,128,128", "--steps", "0", "--output-dir", dir.toString());
        int tooFew = AlprCommand.commandLine().setErr(new PrintWriter(err)).execute("train", "reader",
                "--reader-widths", "12,24", "--steps", "0", "--output-dir", dir.toString());

        assertThat(notNumbers).isEqualTo(2);
        assertThat(tooFew).isEqualTo(2);
        assertThat(err.toString()).contains("--reader-widths", "'wide'", "six comma-separated widths");
    }
}
