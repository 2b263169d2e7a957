package io.ovr.alpr.cli.options;

import io.ovr.alpr.cli.DurationConverter;
import io.ovr.alpr.sinks.core.SinkConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a sink batches and backs off; its consumer group. */
public final class SinkOptions {

    @Option(names = "--group-id", defaultValue = "${env:ALPR_SINK_GROUP_ID}",
            description = "Consumer group; default alpr-sink-<kind> (env ALPR_SINK_GROUP_ID).")
    public String groupId;

    @Option(names = "--batch-size", defaultValue = "${env:ALPR_SINK_BATCH_SIZE}",
            description = "Records per batch (bounds memory); default per sink (env ALPR_SINK_BATCH_SIZE).")
    public Integer batchSize;

    @Option(names = "--batch-wait", converter = DurationConverter.class, defaultValue = "${env:ALPR_SINK_BATCH_WAIT}",
            description = "Longest wait for a batch to fill, e.g. 500ms; default per sink (env ALPR_SINK_BATCH_WAIT).")
    public Duration batchWait;

    @Option(names = "--max-backoff", converter = DurationConverter.class,
            defaultValue = "${env:ALPR_SINK_MAX_BACKOFF:-10s}",
            description = "Longest wait between retries while the target is down (env ALPR_SINK_MAX_BACKOFF,"
                    + " default ${DEFAULT-VALUE}).")
    public Duration maxBackoff;

    /** {@code base} with the options given. */
    public SinkConfig apply(SinkConfig base) {
        SinkConfig config = base;
        if (batchSize != null || batchWait != null) {
            config = config.withBatch(batchSize == null ? base.maxBatch() : batchSize,
                    batchWait == null ? base.linger() : batchWait);
        }
        return config.withBackoff(base.initialBackoff(), maxBackoff);
    }

    public String group(String kind) {
        return groupId == null || groupId.isBlank() ? "alpr-sink-" + kind : groupId;
    }
}
