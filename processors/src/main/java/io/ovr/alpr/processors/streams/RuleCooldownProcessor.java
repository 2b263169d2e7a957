package io.ovr.alpr.processors.streams;

import io.ovr.alpr.processors.rules.AlertRule;
import io.ovr.alpr.processors.rules.RuleSet;
import io.ovr.alpr.schema.Alert;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Holds rule cooldowns: receives rule hits keyed by their cooldown key (rule name and the value of
 * the rule's cooldown field), repartitioned by that key so that one task sees every hit of a key
 * whatever camera or plate it came from. A hit within its rule's cooldown of the last alert of the
 * same key (in event time, the event's last read) is dropped and counted; any other is forwarded as
 * an alert keyed by plate.
 */
public final class RuleCooldownProcessor implements Processor<String, Alert, String, Alert> {

    public static final String NAME = "hold-rule-cooldowns";
    /** When each rule last fired per cooldown key. */
    public static final String STORE = "rule-cooldowns";

    private final RuleSet rules;
    private final PipelineCounters counters;
    private ProcessorContext<String, Alert> context;
    private WindowStore<String, Long> fired;

    public RuleCooldownProcessor(RuleSet rules, PipelineCounters counters) {
        this.rules = rules;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.fired = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        if (record.key() == null || alert == null) {
            return;
        }
        Duration cooldown = rules.rule(alert.getRuleName()).map(AlertRule::cooldown).orElse(Duration.ZERO);
        long now = alert.getEvent().getLastSeen().toEpochMilli();
        if (!cooldown.isZero()) {
            try (WindowStoreIterator<Long> recent = fired.fetch(record.key(), now - cooldown.toMillis() + 1, now)) {
                if (recent.hasNext()) {
                    counters.ruleCooldownHolds.increment();
                    return;
                }
            }
            fired.put(record.key(), now, now);
        }
        counters.ruleAlerts.increment();
        context.forward(record.withKey(alert.getPlate()));
    }
}
