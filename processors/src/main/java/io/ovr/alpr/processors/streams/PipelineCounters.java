package io.ovr.alpr.processors.streams;

import io.ovr.alpr.processors.validate.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the pipeline did, counted for metrics and the demo's live counters: reads in, rejects by
 * reason, passes opened, pass updates, reads suppressed as duplicates, reads from unknown cameras,
 * alerts by kind, rule hits held by a cooldown. One instance per application, shared by the processors.
 */
public final class PipelineCounters {

    public final LongAdder readsIn = new LongAdder();
    public final LongAdder passesOpened = new LongAdder();
    public final LongAdder passUpdates = new LongAdder();
    public final LongAdder suppressed = new LongAdder();
    public final LongAdder unknownCamera = new LongAdder();
    public final LongAdder hotlistAlerts = new LongAdder();
    public final LongAdder ruleAlerts = new LongAdder();
    /** Rule hits dropped because their cooldown key alerted within the rule's cooldown. */
    public final LongAdder ruleCooldownHolds = new LongAdder();
    private final Map<RejectReason, LongAdder> rejects = new EnumMap<>(RejectReason.class);

    public PipelineCounters() {
        for (RejectReason reason : RejectReason.values()) {
            rejects.put(reason, new LongAdder());
        }
    }

    public void rejected(RejectReason reason) {
        rejects.get(reason).increment();
    }

    public long rejects(RejectReason reason) {
        return rejects.get(reason).sum();
    }

    public long rejectsTotal() {
        return rejects.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
