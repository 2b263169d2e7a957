package io.ovr.alpr.cli;

import io.ovr.alpr.cli.admin.AdminCommand;
import io.ovr.alpr.cli.bench.BenchCommand;
import io.ovr.alpr.cli.sink.SinkCommand;
import io.ovr.alpr.cli.edge.EdgeCommand;
import io.ovr.alpr.cli.edge.EvalCommand;
import io.ovr.alpr.cli.edge.GenerateVideoCommand;
import io.ovr.alpr.cli.edge.TrainCommand;
import io.ovr.alpr.cli.load.LoadgenCommand;
import io.ovr.alpr.cli.streams.DescribeCommand;
import io.ovr.alpr.cli.streams.StreamsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one {@code alpr} command: every process role of OVR-ALPR is a subcommand. Every option can
 * also be set with the {@code ALPR_*} environment variable named in its help, so compose files
 * and humans use the same names.
 */
@Command(name = "alpr", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "OVR-ALPR: licence-plate recognition on Kafka Streams.",
        subcommands = {DemoCommand.class, StreamsCommand.class, DescribeCommand.class, BrokerCommand.class,
                RegistryCommand.class, AdminCommand.class, BenchCommand.class, SinkCommand.class, EdgeCommand.class,
                TrainCommand.class, EvalCommand.class, GenerateVideoCommand.class, LoadgenCommand.class,
                CommandLine.HelpCommand.class})
public final class AlprCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@code main} and the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new AlprCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
