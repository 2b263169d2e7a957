package io.ovr.alpr.topology;

import io.ovr.alpr.processors.rules.RuleSet;
import io.ovr.alpr.processors.validate.ValidationConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Everything the topology is built from besides its topics: validation limits, the default pass
 * window, the hotlist's edit distance, the alert rules, store retentions, and the clock and
 * event-id source (injected so tests are deterministic).
 */
public record TopologyConfig(ValidationConfig validation, Duration passWindow, int hotlistMaxDistance,
                             RuleSet rules, Duration passesRetention, Duration countsRetention,
                             Duration alertsRetention, Clock clock, Supplier<String> eventIds) {

    public static TopologyConfig defaults() {
        return new TopologyConfig(ValidationConfig.defaults(), Duration.ofSeconds(10), 1, RuleSet.empty(),
                Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(7), Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
    }

    public TopologyConfig withRules(RuleSet value) {
        return new TopologyConfig(validation, passWindow, hotlistMaxDistance, value, passesRetention,
                countsRetention, alertsRetention, clock, eventIds);
    }

    public TopologyConfig withClock(Clock value) {
        return new TopologyConfig(validation, passWindow, hotlistMaxDistance, rules, passesRetention,
                countsRetention, alertsRetention, value, eventIds);
    }

    public TopologyConfig withEventIds(Supplier<String> value) {
        return new TopologyConfig(validation, passWindow, hotlistMaxDistance, rules, passesRetention,
                countsRetention, alertsRetention, clock, value);
    }

    public TopologyConfig withValidation(ValidationConfig value) {
        return new TopologyConfig(value, passWindow, hotlistMaxDistance, rules, passesRetention, countsRetention,
                alertsRetention, clock, eventIds);
    }

    public TopologyConfig withHotlistMaxDistance(int value) {
        return new TopologyConfig(validation, passWindow, value, rules, passesRetention, countsRetention,
                alertsRetention, clock, eventIds);
    }
}
