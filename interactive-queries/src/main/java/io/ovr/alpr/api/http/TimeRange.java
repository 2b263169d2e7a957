package io.ovr.alpr.api.http;

import java.time.Duration;
import java.time.Instant;

/** A half-open time range [from, to) of a query, already validated. */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public Duration span() {
        return Duration.between(from, to);
    }
}
