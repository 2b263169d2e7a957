package io.ovr.alpr.cli.sink;

import io.ovr.alpr.cli.DurationConverter;
import io.ovr.alpr.cli.Lifecycle;
import io.ovr.alpr.cli.metrics.MetricsOptions;
import io.ovr.alpr.cli.metrics.MetricsServer;
import io.ovr.alpr.cli.options.DatabaseOptions;
import io.ovr.alpr.cli.options.KafkaOptions;
import io.ovr.alpr.cli.options.RegistryOptions;
import io.ovr.alpr.cli.options.SearchOptions;
import io.ovr.alpr.cli.options.SinkOptions;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import io.ovr.alpr.sinks.core.SinkRunner;
import io.ovr.alpr.sinks.notify.AlertsSink;
import io.ovr.alpr.sinks.notify.ChannelConfig;
import io.ovr.alpr.sinks.notify.ChannelsFile;
import io.ovr.alpr.sinks.search.OpenSearchSink;
import io.ovr.alpr.sinks.sql.Database;
import io.ovr.alpr.sinks.sql.Migrations;
import io.ovr.alpr.sinks.sql.TimescaleSink;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alpr sink ...}: the sinks, each a consumer group that commits only after its write. */
@Command(name = "sink", mixinStandardHelpOptions = true, description = "Sinks: timescale, opensearch, alerts.",
        subcommands = {SinkCommand.Timescale.class, SinkCommand.OpenSearch.class, SinkCommand.Alerts.class})
public final class SinkCommand {

    static AlprTopics topics(RegistryOptions registry) {
        return new AlprTopics(TopicsConfig.defaults(), registry.client(), SerdeOptions.values().withAutoRegister(false));
    }

    /**
     * Runs {@code sink} until SIGTERM or Ctrl-C, then closes it (and what it uses) cleanly; exits 1
     * when the sink stopped on an unexpected error (its orchestrator restarts it).
     */
    static int run(CommandLine.Model.CommandSpec spec, Lifecycle lifecycle, MetricsServer metrics, SinkRunner sink,
                   String what) throws InterruptedException {
        lifecycle.add(sink).onFailure(lifecycle::requestStop).start();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("sink %s running (group %s): %s; metrics on port %d; SIGTERM or Ctrl-C stops it%n", sink.name(),
                sink.groupId(), what, metrics.port());
        out.flush();
        lifecycle.awaitStop(Optional.empty());
        return sink.failure().isPresent() ? 1 : 0;
    }

    /** {@code alpr sink timescale}. */
    @Command(name = "timescale", mixinStandardHelpOptions = true,
            description = "alpr.plates.enriched, alpr.alerts and alpr.cameras into PostgreSQL/TimescaleDB.")
    static final class Timescale implements Callable<Integer> {

        @Mixin
        KafkaOptions kafka;
        @Mixin
        RegistryOptions registry;
        @Mixin
        DatabaseOptions db;
        @Mixin
        SinkOptions sink;
        @Mixin
        MetricsOptions metricsOptions;

        @Option(names = "--migrate", defaultValue = "${env:ALPR_DB_MIGRATE:-false}",
                description = "Apply pending migrations at start; production runs `alpr admin db migrate` instead"
                        + " (env ALPR_DB_MIGRATE, default ${DEFAULT-VALUE}).")
        boolean migrate;

        @Option(names = "--maintenance-interval", converter = DurationConverter.class,
                defaultValue = "${env:ALPR_DB_MAINTENANCE_INTERVAL:-5m}",
                description = "How often partitions are made/dropped and the hourly view refreshed"
                        + " (env ALPR_DB_MAINTENANCE_INTERVAL, default ${DEFAULT-VALUE}).")
        Duration maintenanceInterval;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Lifecycle lifecycle = new Lifecycle()) {
                MetricsServer metrics = lifecycle.add(metricsOptions.start());
                Database database = lifecycle.add(Database.connect(db.config(), "alpr-sink-timescale"));
                if (migrate) {
                    new Migrations(database.dataSource(), database.config()).migrate();
                }
                SinkRunner runner = TimescaleSink.create(sink.apply(TimescaleSink.config(kafka.bootstrapServers,
                        sink.group("timescale"))), database, topics(registry), metrics.registry(), maintenanceInterval);
                return run(spec, lifecycle, metrics, runner, "into " + database.config());
            }
        }
    }

    /** {@code alpr sink opensearch}. */
    @Command(name = "opensearch", mixinStandardHelpOptions = true,
            description = "alpr.plates.enriched into daily OpenSearch indices behind the alias alpr-events.")
    static final class OpenSearch implements Callable<Integer> {

        @Mixin
        KafkaOptions kafka;
        @Mixin
        RegistryOptions registry;
        @Mixin
        SearchOptions search;
        @Mixin
        SinkOptions sink;
        @Mixin
        MetricsOptions metricsOptions;

        @Option(names = "--maintenance-interval", converter = DurationConverter.class,
                defaultValue = "${env:ALPR_INDEX_MAINTENANCE_INTERVAL:-1h}",
                description = "How often indices past retention are deleted (env ALPR_INDEX_MAINTENANCE_INTERVAL,"
                        + " default ${DEFAULT-VALUE}).")
        Duration maintenanceInterval;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Lifecycle lifecycle = new Lifecycle()) {
                MetricsServer metrics = lifecycle.add(metricsOptions.start());
                SinkRunner runner = OpenSearchSink.create(sink.apply(OpenSearchSink.config(kafka.bootstrapServers,
                        sink.group("opensearch"))), search.config(), topics(registry), metrics.registry(),
                        maintenanceInterval);
                return run(spec, lifecycle, metrics, runner, "into " + search.config());
            }
        }
    }

    /** {@code alpr sink alerts}. */
    @Command(name = "alerts", mixinStandardHelpOptions = true,
            description = "Deliver alpr.alerts on the configured channels (webhook, Slack, e-mail).")
    static final class Alerts implements Callable<Integer> {

        @Mixin
        KafkaOptions kafka;
        @Mixin
        RegistryOptions registry;
        @Mixin
        DatabaseOptions db;
        @Mixin
        SinkOptions sink;
        @Mixin
        MetricsOptions metricsOptions;

        @Option(names = "--channels-file", required = true, defaultValue = "${env:ALPR_ALERT_CHANNELS_FILE}",
                description = "YAML list of channels; secrets are named there, never written (env"
                        + " ALPR_ALERT_CHANNELS_FILE).")
        Path channelsFile;

        @Option(names = "--webhook-secret", defaultValue = "${env:ALPR_WEBHOOK_SECRET}",
                description = "HMAC-SHA256 key of webhook channels without their own secret-env (env"
                        + " ALPR_WEBHOOK_SECRET).")
        String webhookSecret;

        @Option(names = "--smtp-password", defaultValue = "${env:ALPR_SMTP_PASSWORD}",
                description = "SMTP password of e-mail channels without their own password-env (env"
                        + " ALPR_SMTP_PASSWORD).")
        String smtpPassword;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<ChannelConfig> channels;
            try (InputStream in = Files.newInputStream(channelsFile)) {
                channels = ChannelsFile.read(in, this::secret);
            }
            try (Lifecycle lifecycle = new Lifecycle()) {
                MetricsServer metrics = lifecycle.add(metricsOptions.start());
                Database database = lifecycle.add(Database.connect(db.config(), "alpr-sink-alerts"));
                SinkRunner runner = AlertsSink.create(sink.apply(AlertsSink.config(kafka.bootstrapServers,
                        sink.group("alerts"))), channels, database, topics(registry), metrics.registry());
                return run(spec, lifecycle, metrics, runner, channels.stream().map(c -> c.name() + " (" + c.type() + ")")
                        .collect(Collectors.joining(", ")));
            }
        }

        private String secret(String variable) {
            if (ChannelsFile.DEFAULT_SECRET_ENV.equals(variable) && webhookSecret != null) {
                return webhookSecret;
            }
            if (ChannelsFile.DEFAULT_PASSWORD_ENV.equals(variable) && smtpPassword != null) {
                return smtpPassword;
            }
            return System.getenv(variable);
        }
    }
}
