package io.ovr.alpr.cli.streams;

import io.ovr.alpr.cli.Lifecycle;
import io.ovr.alpr.cli.options.KafkaOptions;
import io.ovr.alpr.cli.options.RegistryOptions;
import io.ovr.alpr.cli.options.TopologyOptions;
import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import io.ovr.alpr.topology.AlprTopology;
import io.ovr.alpr.topology.StreamsSettings;
import io.ovr.alpr.topology.runner.StreamsRunner;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alpr streams}: runs the topology against any cluster; SIGTERM closes it cleanly. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run the Kafka Streams application (validate, enrich, dedupe, hotlist, alerts).")
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;
    @Mixin
    RegistryOptions registry;
    @Mixin
    TopologyOptions topology;

    @Option(names = "--application-id", defaultValue = "${env:ALPR_APPLICATION_ID:-alpr-streams}",
            description = "Kafka Streams application id (env ALPR_APPLICATION_ID, default ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", defaultValue = "${env:ALPR_STATE_DIR:-.alpr/streams}",
            description = "Local state directory (env ALPR_STATE_DIR, default ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--application-server", defaultValue = "${env:ALPR_APPLICATION_SERVER}",
            description = "host:port of this instance's query API, advertised to the others (env"
                    + " ALPR_APPLICATION_SERVER).")
    String applicationServer;

    @Option(names = "--standby-replicas", defaultValue = "${env:ALPR_STANDBY_REPLICAS:-0}",
            description = "Standby replicas of each store (env ALPR_STANDBY_REPLICAS, default ${DEFAULT-VALUE}).")
    int standbyReplicas;

    @Option(names = "--threads", defaultValue = "${env:ALPR_STREAM_THREADS:-1}",
            description = "Stream threads (env ALPR_STREAM_THREADS, default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--auto-register-schemas", defaultValue = "${env:ALPR_AUTO_REGISTER_SCHEMAS:-true}",
            description = "Register schemas on first use; false expects `alpr admin schemas register` (env"
                    + " ALPR_AUTO_REGISTER_SCHEMAS, default ${DEFAULT-VALUE}).")
    boolean autoRegister;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), registry.client(),
                SerdeOptions.values().withAutoRegister(autoRegister));
        StreamsSettings settings = StreamsSettings.defaults(kafka.bootstrapServers, stateDir)
                .withApplicationId(applicationId).withApplicationServer(applicationServer)
                .withStandbyReplicas(standbyReplicas).withThreads(threads);
        try (Lifecycle lifecycle = new Lifecycle()) {
            StreamsRunner runner = lifecycle.add(new StreamsRunner(
                    AlprTopology.build(topology.config(), topics, new PipelineCounters()), settings));
            runner.start();
            spec.commandLine().getOut().printf("streams %s on %s (state in %s, queries advertised at %s);"
                    + " SIGTERM or Ctrl-C stops it%n", applicationId, kafka.bootstrapServers,
                    stateDir.toAbsolutePath(), applicationServer == null ? "none" : applicationServer);
            spec.commandLine().getOut().flush();
            lifecycle.awaitStop(Optional.empty());
        }
        return 0;
    }
}
