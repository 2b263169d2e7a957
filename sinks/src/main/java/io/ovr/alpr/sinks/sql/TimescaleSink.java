package io.ovr.alpr.sinks.sql;

import io.micrometer.core.instrument.MeterRegistry;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.sinks.core.DeadLetterPublisher;
import io.ovr.alpr.sinks.core.SinkConfig;
import io.ovr.alpr.sinks.core.SinkRunner;
import java.time.Clock;
import java.time.Duration;

/** Wires the timescale sink: its consumer group, the {@link TimescaleWriter} and the dead-letter publisher. */
public final class TimescaleSink {

    private TimescaleSink() {
    }

    /** Sink settings for the timescale sink's topics. */
    public static SinkConfig config(String bootstrapServers, String groupId) {
        return SinkConfig.of("timescale", bootstrapServers, groupId, TimescaleWriter.topics());
    }

    /** A sink (not started) writing into {@code database}, which the caller owns and closes. */
    public static SinkRunner create(SinkConfig config, Database database, AlprTopics topics, MeterRegistry registry,
                                    Duration maintenanceInterval) {
        TimescaleWriter writer = new TimescaleWriter(database, topics, Clock.systemUTC(), maintenanceInterval);
        DeadLetterPublisher dlq = DeadLetterPublisher.create(config.bootstrapServers(), AlprTopics.DLQ,
                "alpr-sink-" + config.name() + "-dlq");
        return new SinkRunner(config, writer, dlq, registry);
    }
}
