package io.ovr.alpr.sinks.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.sinks.core.DeadLetterPublisher;
import io.ovr.alpr.sinks.core.SinkConfig;
import io.ovr.alpr.sinks.core.SinkRunner;
import java.time.Clock;
import java.time.Duration;

/** Wires the opensearch sink: its consumer group, the {@link OpenSearchWriter} and the dead-letter publisher. */
public final class OpenSearchSink {

    private OpenSearchSink() {
    }

    public static SinkConfig config(String bootstrapServers, String groupId) {
        return SinkConfig.of("opensearch", bootstrapServers, groupId, OpenSearchWriter.topics());
    }

    /** A sink (not started); it owns and closes its search client. */
    public static SinkRunner create(SinkConfig config, OpenSearchConfig search, AlprTopics topics,
                                    MeterRegistry registry, Duration maintenanceInterval) {
        OpenSearchWriter writer = new OpenSearchWriter(SearchClient.connect(search), search, topics,
                Clock.systemUTC(), maintenanceInterval);
        DeadLetterPublisher dlq = DeadLetterPublisher.create(config.bootstrapServers(), AlprTopics.DLQ,
                "alpr-sink-" + config.name() + "-dlq");
        return new SinkRunner(config, writer, dlq, registry);
    }
}
