package io.ovr.alpr.api.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and validates request parameters. Every failure is a 400 naming the parameter; lengths
 * are bounded before anything else looks at a value, times are bounded to years 2000-2200 (so
 * no arithmetic can overflow), ranges are bounded in span.
 */
public final class Params {

    /** Longest raw value accepted for any parameter. */
    public static final int MAX_LENGTH = 256;
    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private final Clock clock;

    public Params(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** A plate as typed by a person ("abc-123"), normalized: A-Z0-9, 1-10 characters. */
    public String plate(Context ctx, String name) {
        return plate(name, ctx.pathParam(name));
    }

    public String plate(String name, String raw) {
        return PlateInput.normalize(name, raw);
    }

    /** Why the caller looks a plate up: required, 3-200 printable characters; it is written to the audit log. */
    public String purpose(Context ctx) {
        String raw = bounded(ctx, "purpose").map(String::strip).orElse("");
        if (raw.length() < 3 || raw.length() > 200 || CONTROL.matcher(raw).find()) {
            throw ApiException.badRequest("purpose", "purpose is required for plate lookups: 3-200 printable"
                    + " characters saying why (it is written to the audit log)");
        }
        return raw;
    }

    public String cameraId(String name, String raw) {
        if (raw == null || !CAMERA_ID.matcher(raw).matches()) {
            throw ApiException.badRequest(name, name + " must be 1-64 characters A-Z a-z 0-9 . _ : -");
        }
        return raw;
    }

    /**
     * {@code from}/{@code to} as ISO-8601 instants; {@code to} defaults to now and {@code from} to
     * {@code to - defaultSpan}; the span must be positive and at most {@code maxSpan}.
     */
    public TimeRange range(Context ctx, Duration defaultSpan, Duration maxSpan) {
        Instant to = instant(ctx, "to").orElseGet(this::now);
        Instant from = instant(ctx, "from").orElse(to.minus(defaultSpan));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from", "from must be before to");
        }
        if (Duration.between(from, to).compareTo(maxSpan) > 0) {
            throw ApiException.badRequest("from", "the range from-to may span at most " + maxSpan);
        }
        return new TimeRange(from, to);
    }

    public Optional<Instant> instant(Context ctx, String name) {
        return bounded(ctx, name).map(raw -> instant(name, raw));
    }

    public Instant instant(String name, String raw) {
        Instant value;
        try {
            value = Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw ApiException.badRequest(name, name + " must lie between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }

    public int limit(Context ctx, int defaultValue, int max) {
        return integer(ctx, "limit", defaultValue, 1, max);
    }

    public int integer(Context ctx, String name, int defaultValue, int min, int max) {
        return bounded(ctx, name).map(raw -> integer(name, raw, min, max)).orElse(defaultValue);
    }

    public int integer(String name, String raw, int min, int max) {
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw ApiException.badRequest(name, name + " must be an integer from " + min + " to " + max);
    }

    /** A query parameter, absent when missing or empty, 400 when longer than {@link #MAX_LENGTH}. */
    public Optional<String> bounded(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > MAX_LENGTH) {
            throw ApiException.badRequest(name, name + " is longer than " + MAX_LENGTH + " characters");
        }
        return Optional.of(value);
    }
}
