package io.ovr.alpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The shape of the {@code alpr} command: help, version, and an ALPR_* variable behind every option. */
class AlprCommandTest {

    @Test
    void shouldListTheSubcommandsInHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = AlprCommand.commandLine().setOut(new PrintWriter(out));

        int exit = cli.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("demo", "broker", "registry", "admin");
    }

    @Test
    void shouldPrintTheVersion() {
        StringWriter out = new StringWriter();

        int exit = AlprCommand.commandLine().setOut(new PrintWriter(out)).execute("--version");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("alpr ").contains("Java 17");
    }

    @Test
    void shouldBackEveryOptionWithAnAlprEnvironmentVariable() {
        List<String> missing = new ArrayList<>();
        collect(AlprCommand.commandLine().setInterpolateVariables(false), missing);

        assertThat(missing).as("options without an ALPR_* environment variable").isEmpty();
    }

    @Test
    void shouldRejectAnUnknownOptionWithUsageError() {
        StringWriter err = new StringWriter();

        int exit = AlprCommand.commandLine().setErr(new PrintWriter(err)).execute("admin", "topics", "create",
                "--no-such-option");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
    }

    private static void collect(CommandLine command, List<String> missing) {
        CommandSpec spec = command.getCommandSpec();
        for (OptionSpec option : spec.options()) {
            boolean standard = option.usageHelp() || option.versionHelp();
            String defaultValue = option.defaultValue();
            if (!standard && (defaultValue == null || !defaultValue.contains("${env:ALPR_"))) {
                missing.add(spec.qualifiedName() + " " + option.longestName());
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, missing));
    }
}
