package io.ovr.alpr.cli;

import io.ovr.alpr.devstack.BrokerConfig;
import io.ovr.alpr.devstack.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alpr broker}: a standalone embedded single-node KRaft broker for development. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run an embedded single-node Kafka broker (KRaft) for development.")
final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:ALPR_BROKER_PORT:-9092}",
            description = "Client port on 127.0.0.1, 0 for a free one (env ALPR_BROKER_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:ALPR_DATA_DIR:-.alpr/broker}",
            description = "Directory of the broker's log; reused on the next start (env ALPR_DATA_DIR, default"
                    + " ${DEFAULT-VALUE}).")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Lifecycle lifecycle = new Lifecycle()) {
            EmbeddedKafkaBroker broker = lifecycle.add(EmbeddedKafkaBroker.start(
                    new BrokerConfig(Optional.of(dataDir), port, 1, false, Map.of())));
            spec.commandLine().getOut().printf("Kafka broker on %s, data in %s; Ctrl-C stops it%n",
                    broker.bootstrapServers(), broker.dataDir().toAbsolutePath());
            spec.commandLine().getOut().flush();
            lifecycle.awaitStop(Optional.empty());
        }
        return 0;
    }
}
