package io.ovr.alpr.sinks.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.sinks.core.DeadLetterPublisher;
import io.ovr.alpr.sinks.core.SinkConfig;
import io.ovr.alpr.sinks.core.SinkRunner;
import io.ovr.alpr.sinks.sql.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Wires the alerts sink: small batches (deliveries are slow), a long poll interval, the {@link AlertsWriter}. */
public final class AlertsSink {

    private AlertsSink() {
    }

    /** Batches of 20 alerts; up to 10 minutes between polls while a batch is retried or rate limited. */
    public static SinkConfig config(String bootstrapServers, String groupId) {
        return SinkConfig.of("alerts", bootstrapServers, groupId, AlertsWriter.topics())
                .withBatch(20, Duration.ofMillis(200))
                .withConsumerOverrides(Map.of("max.poll.interval.ms", "600000"));
    }

    /** A sink (not started) recording deliveries in {@code database}, which the caller owns. */
    public static SinkRunner create(SinkConfig config, List<ChannelConfig> channels, Database database,
                                    AlprTopics topics, MeterRegistry registry) {
        AlertsWriter writer = new AlertsWriter(channels, database, topics, registry, Clock.systemUTC());
        DeadLetterPublisher dlq = DeadLetterPublisher.create(config.bootstrapServers(), AlprTopics.DLQ,
                "alpr-sink-" + config.name() + "-dlq");
        return new SinkRunner(config, writer, dlq, registry);
    }
}
