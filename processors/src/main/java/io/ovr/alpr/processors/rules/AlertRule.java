package io.ovr.alpr.processors.rules;

import io.ovr.alpr.schema.PlateEvent;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One alert rule: conditions combined with all/any, optional camera and site filters, an optional
 * time-of-day window (may cross midnight), a priority, and a cooldown keyed by an event field so
 * the same key does not alert twice within it.
 */
public record AlertRule(String name, boolean enabled, int priority, boolean matchAll, List<Condition> conditions,
                        Set<String> cameras, Set<String> sites, Optional<TimeWindow> timeWindow, Duration cooldown,
                        String cooldownField, String message) {

    /** Hours of the day in a zone, e.g. 22:00 to 06:00 Europe/Berlin. */
    public record TimeWindow(LocalTime from, LocalTime to, ZoneId zone) {

        boolean contains(java.time.Instant at) {
            LocalTime time = at.atZone(zone).toLocalTime();
            return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }
    }

    public AlertRule {
        conditions = List.copyOf(conditions);
        cameras = Set.copyOf(cameras);
        sites = Set.copyOf(sites);
        if (PlateEvent.getClassSchema().getField(cooldownField) == null) {
            throw new IllegalArgumentException("rule " + name + ": unknown cooldown field '" + cooldownField + "'");
        }
    }

    /** Whether the rule fires on {@code event}, cooldown aside. */
    public boolean matches(PlateEvent event) {
        if (!enabled || !cameras.isEmpty() && !cameras.contains(event.getCameraId())
                || !sites.isEmpty() && (event.getSite() == null || !sites.contains(event.getSite()))
                || timeWindow.isPresent() && !timeWindow.get().contains(event.getCapturedAt())) {
            return false;
        }
        return matchAll ? conditions.stream().allMatch(c -> c.test(event))
                : conditions.stream().anyMatch(c -> c.test(event));
    }

    /** The value the cooldown is keyed by, e.g. the normalized plate. */
    public String cooldownKey(PlateEvent event) {
        Object value = event.get(event.getSchema().getField(cooldownField).pos());
        return name + "|" + value;
    }
}
