package io.ovr.alpr.processors.validate;

import java.time.Duration;

/**
 * Limits a read must respect.
 *
 * @param minConfidence reads below this confidence (0..1) are rejected
 * @param maxFutureSkew how far {@code captured_at} may lie ahead of the processing clock
 * @param maxLateness how far {@code captured_at} may lie behind the processing clock
 */
public record ValidationConfig(float minConfidence, int minLength, int maxLength, Duration maxFutureSkew,
                               Duration maxLateness) {

    public ValidationConfig {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("need 1 <= minLength <= maxLength");
        }
    }

    /** Confidence 0.5, 2 to 10 characters, 5 min of clock skew, 7 days of lateness. */
    public static ValidationConfig defaults() {
        return new ValidationConfig(0.5f, 2, 10, Duration.ofMinutes(5), Duration.ofDays(7));
    }

    public ValidationConfig withMinConfidence(float value) {
        return new ValidationConfig(value, minLength, maxLength, maxFutureSkew, maxLateness);
    }

    public ValidationConfig withMaxLateness(Duration value) {
        return new ValidationConfig(minConfidence, minLength, maxLength, maxFutureSkew, value);
    }
}
