package io.ovr.alpr.sinks.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;

/** The meters of one sink, tagged {@code sink=<name>}. */
final class SinkMetrics {

    final Counter written;
    final Counter consumed;
    final Counter deadLettered;
    final Counter failedWrites;
    final Timer batchLatency;
    final AtomicInteger paused = new AtomicInteger();

    SinkMetrics(MeterRegistry registry, String sink) {
        written = Counter.builder("alpr.sink.rows.written").tag("sink", sink)
                .description("records written to the target (rows, documents, deliveries)").register(registry);
        consumed = Counter.builder("alpr.sink.records.consumed").tag("sink", sink)
                .description("records consumed and committed").register(registry);
        deadLettered = Counter.builder("alpr.sink.dlq").tag("sink", sink)
                .description("records sent to the dead-letter topic").register(registry);
        failedWrites = Counter.builder("alpr.sink.write.failures").tag("sink", sink)
                .description("batch writes that failed and were retried").register(registry);
        batchLatency = Timer.builder("alpr.sink.batch.latency").tag("sink", sink)
                .description("time to write and commit one batch").publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("alpr.sink.paused", io.micrometer.core.instrument.Tags.of("sink", sink), paused);
    }
}
