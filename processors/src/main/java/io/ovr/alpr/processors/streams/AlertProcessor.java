package io.ovr.alpr.processors.streams;

import io.ovr.alpr.processors.hotlist.HotlistIndex;
import io.ovr.alpr.processors.hotlist.HotlistMatch;
import io.ovr.alpr.processors.hotlist.MatchKind;
import io.ovr.alpr.processors.rules.AlertRule;
import io.ovr.alpr.processors.rules.RuleSet;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.HotlistEntry;
import io.ovr.alpr.schema.PlateEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Raises alerts for enriched events (keyed by plate): hotlist matches (exact, folded, within the
 * edit distance; expired entries never match), forwarded keyed by plate, and rule hits, forwarded
 * keyed by the rule's cooldown key so that {@link RuleCooldownProcessor} (after a repartition by that
 * key) can hold each cooldown across all partitions. A pass that is re-emitted with a better reading
 * does not raise the same hotlist alert or rule hit twice.
 */
public final class AlertProcessor implements Processor<String, PlateEvent, String, Alert> {

    public static final String NAME = "raise-alerts";
    /** Which (event, source) pairs alerted already. */
    public static final String DEDUPE_STORE = "alert-dedupe";
    /** {@code Alert.kind} of hotlist matches. */
    public static final String HOTLIST_KIND = "HOTLIST";
    /** {@code Alert.kind} of rule alerts. */
    public static final String RULE_KIND = "RULE";
    static final int MAX_HOTLIST_ALERTS = 3;

    private final HotlistIndex index;
    private final RuleSet rules;
    private final Clock clock;
    private final PipelineCounters counters;
    private ProcessorContext<String, Alert> context;
    private WindowStore<String, Long> fired;

    public AlertProcessor(HotlistIndex index, RuleSet rules, Clock clock, PipelineCounters counters) {
        this.index = index;
        this.rules = rules;
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.fired = context.getStateStore(DEDUPE_STORE);
        warmIndex(context.getStateStore(HotlistStoreUpdater.STORE));
    }

    @Override
    public void process(Record<String, PlateEvent> record) {
        PlateEvent event = record.value();
        if (event == null) {
            return;
        }
        long at = event.getCapturedAt().toEpochMilli();
        List<HotlistMatch> matches = index.match(event.getNormalized(), event.getLastSeen());
        for (HotlistMatch match : matches.subList(0, Math.min(MAX_HOTLIST_ALERTS, matches.size()))) {
            String source = "hotlist:" + match.entry().getPlate();
            if (firstTime(event, source, at)) {
                counters.hotlistAlerts.increment();
                context.forward(record.withValue(hotlistAlert(event, match, source)));
            }
        }
        for (AlertRule rule : rules.matching(event)) {
            String source = "rule:" + rule.name();
            if (firstTime(event, source, at)) {
                context.forward(record.withKey(rule.cooldownKey(event)).withValue(ruleAlert(event, rule, source)));
            }
        }
    }

    private boolean alreadyFired(PlateEvent event, String source, long at) {
        try (WindowStoreIterator<Long> hits = fired.fetch(event.getEventId() + "|" + source, at, at)) {
            return hits.hasNext();
        }
    }

    private boolean firstTime(PlateEvent event, String source, long at) {
        if (alreadyFired(event, source, at)) {
            return false;
        }
        fired.put(event.getEventId() + "|" + source, clock.millis(), at);
        return true;
    }

    private Alert hotlistAlert(PlateEvent event, HotlistMatch match, String source) {
        HotlistEntry entry = match.entry();
        return base(event, source).setKind(HOTLIST_KIND).setMatchKind(match.kind().name())
                .setEditDistance(match.kind() == MatchKind.EDIT_DISTANCE ? match.distance() : 0)
                .setPriority(entry.getPriority()).setReason(entry.getReason())
                .setMatchedPlate(entry.getPlate()).setHotlistEntry(entry).build();
    }

    private Alert ruleAlert(PlateEvent event, AlertRule rule, String source) {
        return base(event, source).setKind(RULE_KIND).setRuleName(rule.name()).setPriority(rule.priority())
                .setReason(rule.message()).build();
    }

    private Alert.Builder base(PlateEvent event, String source) {
        String id = UUID.nameUUIDFromBytes((event.getEventId() + "|" + source).getBytes(StandardCharsets.UTF_8))
                .toString();
        return Alert.newBuilder().setAlertId(id).setEventId(event.getEventId()).setPlate(event.getNormalized())
                .setCameraId(event.getCameraId()).setSite(event.getSite()).setRaisedAt(Instant.ofEpochMilli(
                        clock.millis())).setEvent(event);
    }

    /** Global stores restore without their processor: load the index from the store once. */
    private void warmIndex(KeyValueStore<String, Object> hotlist) {
        synchronized (index) {
            if (index.size() > 0) {
                return;
            }
            try (KeyValueIterator<String, Object> all = hotlist.all()) {
                while (all.hasNext()) {
                    KeyValue<String, Object> entry = all.next();
                    Object value = entry.value instanceof ValueAndTimestamp<?> vt ? vt.value() : entry.value;
                    if (value instanceof HotlistEntry hotlistEntry) {
                        index.put(hotlistEntry);
                    }
                }
            }
        }
    }
}
