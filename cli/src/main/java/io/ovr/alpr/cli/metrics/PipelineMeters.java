package io.ovr.alpr.cli.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.processors.validate.RejectReason;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publishes the topology's {@link PipelineCounters} as Micrometer function counters (read at each
 * scrape, so the processors keep counting with plain {@link LongAdder}s). Every reject reason
 * and alert kind is registered up front, so rates start from zero instead of appearing late.
 */
public final class PipelineMeters {

    private PipelineMeters() {
    }

    public static void bind(PipelineCounters counters, MeterRegistry registry) {
        counter(registry, "alpr.pipeline.reads", counters.readsIn, "reads consumed from alpr.detections.raw");
        counter(registry, "alpr.pipeline.passes.opened", counters.passesOpened, "vehicle passes opened (new event_id)");
        counter(registry, "alpr.pipeline.passes.updated", counters.passUpdates,
                "pass updates emitted (a read raised the pass's best confidence)");
        counter(registry, "alpr.pipeline.reads.suppressed", counters.suppressed,
                "reads suppressed as duplicates of an open pass");
        counter(registry, "alpr.pipeline.reads.unknown.camera", counters.unknownCamera,
                "reads from cameras missing from alpr.cameras (kept, camera_known=false)");
        counter(registry, "alpr.pipeline.rule.cooldown.holds", counters.ruleCooldownHolds,
                "rule hits held back by the rule's cooldown");
        alerts(registry, "hotlist", counters.hotlistAlerts);
        alerts(registry, "rule", counters.ruleAlerts);
        for (RejectReason reason : RejectReason.values()) {
            FunctionCounter.builder("alpr.pipeline.rejects", counters, c -> c.rejects(reason))
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .description("reads rejected to alpr.dlq by reason").register(registry);
        }
    }

    private static void alerts(MeterRegistry registry, String kind, LongAdder adder) {
        FunctionCounter.builder("alpr.pipeline.alerts", adder, LongAdder::sum).tag("kind", kind)
                .description("alerts raised by kind").register(registry);
    }

    private static void counter(MeterRegistry registry, String name, LongAdder adder, String description) {
        FunctionCounter.builder(name, adder, LongAdder::sum).description(description).register(registry);
    }
}
