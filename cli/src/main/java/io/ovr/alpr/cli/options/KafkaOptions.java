package io.ovr.alpr.cli.options;

import picocli.CommandLine.Option;

/** Where the Kafka cluster is. */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            defaultValue = "${env:ALPR_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (env ALPR_BOOTSTRAP_SERVERS, default ${DEFAULT-VALUE}).")
    public String bootstrapServers;
}
