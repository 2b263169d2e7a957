package io.ovr.alpr.cli.streams;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ovr.alpr.api.ApiConfig;
import io.ovr.alpr.api.QueryApi;
import io.ovr.alpr.api.admin.AdminWriter;
import io.ovr.alpr.api.audit.AuditLog;
import io.ovr.alpr.api.audit.LogAuditLog;
import io.ovr.alpr.api.audit.SqlAuditLog;
import io.ovr.alpr.api.backend.Backends;
import io.ovr.alpr.api.backend.SqlStore;
import io.ovr.alpr.api.http.Json;
import io.ovr.alpr.cli.Lifecycle;
import io.ovr.alpr.cli.metrics.PipelineMeters;
import io.ovr.alpr.cli.options.ApiOptions;
import io.ovr.alpr.cli.options.KafkaOptions;
import io.ovr.alpr.cli.options.QueryStoreOptions;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.Topology;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alpr streams}: runs the topology against any cluster, with the query API on the same
 * instance (advertised as {@code application.server} so the instances can route queries to each
 * other); SIGTERM stops the API, then closes the streams cleanly. With a database configured the
 * API serves history and writes its audit log to {@code query_audit}; with OpenSearch, search;
 * with an object store, image links. Without them it serves the live state only.
 */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run the Kafka Streams application (validate, enrich, dedupe, hotlist, alerts) and its query API.")
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;
    @Mixin
    RegistryOptions registry;
    @Mixin
    TopologyOptions topology;
    @Mixin
    ApiOptions api;
    @Mixin
    QueryStoreOptions stores;

    @Option(names = "--application-id", defaultValue = "${env:ALPR_APPLICATION_ID:-alpr-streams}",
            description = "Kafka Streams application id (env ALPR_APPLICATION_ID, default ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", defaultValue = "${env:ALPR_STATE_DIR:-.alpr/streams}",
            description = "Local state directory (env ALPR_STATE_DIR, default ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--standby-replicas", defaultValue = "${env:ALPR_STANDBY_REPLICAS:-0}",
            description = "Standby replicas of each store; with 1 or more, queries keep being answered (marked"
                    + " stale) while an instance is down (env ALPR_STANDBY_REPLICAS, default ${DEFAULT-VALUE}).")
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
                .withApplicationId(applicationId).withApplicationServer(api.applicationServer())
                .withStandbyReplicas(standbyReplicas).withThreads(threads);
        ApiConfig apiConfig = api.config();
        PipelineCounters counters = new PipelineCounters();
        Topology built = AlprTopology.build(topology.config(), topics, counters);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PipelineMeters.bind(counters, meters);
        RegistryGate.await(registry.client(), registry.url, Duration.ofSeconds(5), spec.commandLine().getErr());
        try (Lifecycle lifecycle = new Lifecycle()) {
            AdminWriter writer = lifecycle.add(new AdminWriter(kafka.bootstrapServers, topics));
            StreamsRunner runner = lifecycle.add(new StreamsRunner(built, settings));
            Backends backends = stores.connect(lifecycle);
            AuditLog audit = backends.database().<AuditLog>map(ds -> new SqlAuditLog(new SqlStore(ds,
                    Duration.ofSeconds(10)))).orElseGet(() -> new LogAuditLog(Json.mapper()));
            QueryApi queryApi = lifecycle.add(new QueryApi(apiConfig, new QueryApi.Dependencies(runner.streams(),
                    built.describe(), writer, meters, audit,
                    List.of(), backends)));
            queryApi.start();
            runner.start();
            spec.commandLine().getOut().printf("streams %s on %s (state in %s); query API on %s:%d, advertised as"
                            + " %s (%d API keys); SIGTERM or Ctrl-C stops it%n", applicationId, kafka.bootstrapServers,
                    stateDir.toAbsolutePath(), api.bind, queryApi.port(), api.applicationServer(),
                    apiConfig.keys().size());
            spec.commandLine().getOut().printf("query stores: %s%n", stores.describe());
            spec.commandLine().getOut().flush();
            lifecycle.awaitStop(Optional.empty());
        }
        return 0;
    }
}
