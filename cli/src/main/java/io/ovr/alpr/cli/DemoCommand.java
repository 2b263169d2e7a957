package io.ovr.alpr.cli;

import io.ovr.alpr.cli.admin.SchemaAdmin;
import io.ovr.alpr.cli.admin.TopicAdmin;
import io.ovr.alpr.devstack.BrokerConfig;
import io.ovr.alpr.devstack.EmbeddedKafkaBroker;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.KafkaSchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alpr demo}: the system embedded in one JVM on loopback for a newcomer. It starts the
 * broker and the registry, creates the topics and registers the schemas, prints what runs where,
 * and runs until Ctrl-C or the end of {@code --duration}. A second run on the same data
 * directory resumes with the same topics, records and schema ids.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole system embedded in one JVM on loopback (Ctrl-C stops it).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "${env:ALPR_DATA_DIR:-.alpr/demo}",
            description = "Where the demo keeps its state between runs (env ALPR_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--duration", converter = DurationConverter.class, defaultValue = "${env:ALPR_DEMO_DURATION}",
            description = "Stop after this long, e.g. 30s or 5m; runs until Ctrl-C when absent (env ALPR_DEMO_DURATION).")
    Duration duration;

    @Option(names = "--broker-port", defaultValue = "${env:ALPR_DEMO_BROKER_PORT:-0}",
            description = "Kafka client port, 0 for a free one (env ALPR_DEMO_BROKER_PORT, default ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--registry-port", defaultValue = "${env:ALPR_DEMO_REGISTRY_PORT:-0}",
            description = "Schema Registry port, 0 for a free one (env ALPR_DEMO_REGISTRY_PORT, default ${DEFAULT-VALUE}).")
    int registryPort;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(out, 4);
        try (Lifecycle lifecycle = new Lifecycle()) {
            EmbeddedKafkaBroker broker = progress.step("Kafka broker (KRaft)", () -> lifecycle.add(
                    EmbeddedKafkaBroker.start(new BrokerConfig(Optional.of(dataDir.resolve("kafka")), brokerPort, 1,
                            true, Map.of()))), EmbeddedKafkaBroker::bootstrapServers);
            String bootstrap = broker.bootstrapServers();
            EmbeddedSchemaRegistry registry = progress.step("Schema Registry", () -> lifecycle.add(
                    EmbeddedSchemaRegistry.start(new KafkaSchemaLog(bootstrap, "_schemas", (short) 1), "127.0.0.1",
                            registryPort)), EmbeddedSchemaRegistry::url);
            progress.step("topics", () -> createTopics(bootstrap), n -> n + " topics ready");
            progress.step("schemas", () -> new SchemaAdmin(new RestSchemaRegistryClient(
                    RegistryClientConfig.of(registry.url()))).registerAll(AlprTopics.valueSchemas()),
                    list -> list.size() + " subjects registered");
            printSummary(out, bootstrap, registry.url());
            lifecycle.awaitStop(Optional.ofNullable(duration));
            out.println("stopping ...");
            out.flush();
        }
        out.println("stopped cleanly");
        out.flush();
        return 0;
    }

    private int createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicsConfig config = TopicsConfig.defaults().withPartitions(3).keepingForever();
            return new TopicAdmin(admin).createAll(AlprTopics.specs(config)).size();
        }
    }

    private void printSummary(PrintWriter out, String bootstrap, String registryUrl) {
        out.println();
        out.println("OVR-ALPR demo is running (data in " + dataDir.toAbsolutePath() + ")");
        for (String line : List.of(
                "  Kafka bootstrap servers  " + bootstrap,
                "  Schema Registry          " + registryUrl + "   (try: curl " + registryUrl + "/subjects)")) {
            out.println(line);
        }
        out.println(duration == null ? "Ctrl-C stops everything." : "Stopping in " + duration.toSeconds() + " s.");
        out.flush();
    }
}
