package io.ovr.alpr.cli.options;

import io.ovr.alpr.serdes.topics.TopicsConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How topics are sized; retention in days (0 keeps forever). */
public final class TopicOptions {

    @Option(names = "--partitions", defaultValue = "${env:ALPR_PARTITIONS:-6}",
            description = "Partitions of the keyed topics (env ALPR_PARTITIONS, default ${DEFAULT-VALUE}).")
    public int partitions;

    @Option(names = "--replication-factor", defaultValue = "${env:ALPR_REPLICATION_FACTOR:-1}",
            description = "Replication factor (env ALPR_REPLICATION_FACTOR, default ${DEFAULT-VALUE}).")
    public short replicationFactor;

    @Option(names = "--raw-retention-days", defaultValue = "${env:ALPR_RAW_RETENTION_DAYS:-7}",
            description = "Retention of raw frames and reads (env ALPR_RAW_RETENTION_DAYS, default ${DEFAULT-VALUE}).")
    public int rawRetentionDays;

    @Option(names = "--enriched-retention-days", defaultValue = "${env:ALPR_ENRICHED_RETENTION_DAYS:-30}",
            description = "Retention of enriched events (env ALPR_ENRICHED_RETENTION_DAYS, default ${DEFAULT-VALUE}).")
    public int enrichedRetentionDays;

    @Option(names = "--alert-retention-days", defaultValue = "${env:ALPR_ALERT_RETENTION_DAYS:-90}",
            description = "Retention of alerts (env ALPR_ALERT_RETENTION_DAYS, default ${DEFAULT-VALUE}).")
    public int alertRetentionDays;

    @Option(names = "--dlq-retention-days", defaultValue = "${env:ALPR_DLQ_RETENTION_DAYS:-14}",
            description = "Retention of dead letters (env ALPR_DLQ_RETENTION_DAYS, default ${DEFAULT-VALUE}).")
    public int dlqRetentionDays;

    public TopicsConfig config() {
        return new TopicsConfig(partitions, replicationFactor, Duration.ofDays(rawRetentionDays),
                Duration.ofDays(enrichedRetentionDays), Duration.ofDays(alertRetentionDays),
                Duration.ofDays(dlqRetentionDays));
    }
}
