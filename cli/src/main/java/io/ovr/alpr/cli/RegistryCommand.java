package io.ovr.alpr.cli;

import io.ovr.alpr.cli.options.KafkaOptions;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.registry.server.KafkaSchemaLog;
import io.ovr.alpr.serdes.registry.server.SchemaLog;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alpr registry}: the embedded Confluent-API Schema Registry, standalone, for local work. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Run the embedded Schema Registry (Confluent REST API; schemas kept in a compacted topic).")
final class RegistryCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--host", defaultValue = "${env:ALPR_REGISTRY_HOST:-127.0.0.1}",
            description = "Address to listen on (env ALPR_REGISTRY_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "${env:ALPR_REGISTRY_PORT:-8081}",
            description = "Port to listen on, 0 for a free one (env ALPR_REGISTRY_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--schemas-topic", defaultValue = "${env:ALPR_SCHEMAS_TOPIC:-_schemas}",
            description = "Compacted topic keeping the schemas (env ALPR_SCHEMAS_TOPIC, default ${DEFAULT-VALUE}).")
    String schemasTopic;

    @Option(names = "--in-memory", defaultValue = "${env:ALPR_REGISTRY_IN_MEMORY:-false}",
            description = "Keep schemas in memory only; ids do not survive a restart (env ALPR_REGISTRY_IN_MEMORY).")
    boolean inMemory;

    @Option(names = "--schemas-replication-factor", defaultValue = "${env:ALPR_SCHEMAS_REPLICATION_FACTOR:-1}",
            description = "Replication factor of the schemas topic (env ALPR_SCHEMAS_REPLICATION_FACTOR, default"
                    + " ${DEFAULT-VALUE}).")
    short replicationFactor;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Lifecycle lifecycle = new Lifecycle()) {
            SchemaLog log = inMemory ? new InMemorySchemaLog()
                    : new KafkaSchemaLog(kafka.bootstrapServers, schemasTopic, replicationFactor);
            EmbeddedSchemaRegistry registry = lifecycle.add(EmbeddedSchemaRegistry.start(log, host, port));
            spec.commandLine().getOut().printf("schema registry on %s (%s); Ctrl-C stops it%n", registry.url(),
                    inMemory ? "in memory" : "topic " + schemasTopic + " on " + kafka.bootstrapServers);
            spec.commandLine().getOut().flush();
            lifecycle.awaitStop(Optional.empty());
        }
        return 0;
    }
}
