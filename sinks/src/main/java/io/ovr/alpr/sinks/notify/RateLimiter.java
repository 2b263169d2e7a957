package io.ovr.alpr.sinks.notify;

import java.time.Duration;

/**
 * A token bucket: at most {@code capacity} deliveries in a burst, refilled at capacity per period.
 * {@link #acquire()} waits for a token, so a flood of alerts is delivered at the channel's pace
 * instead of being dropped.
 */
final class RateLimiter {

    private final int capacity;
    private final double tokensPerNano;
    private double tokens;
    private long last;

    RateLimiter(int capacity, Duration period) {
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) period.toNanos();
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    /** Takes a token, waiting as long as needed; returns how long it waited in nanoseconds. */
    synchronized long acquire() throws InterruptedException {
        refill();
        long waited = 0;
        while (tokens < 1) {
            long nanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
            long start = System.nanoTime();
            wait(Math.max(1, nanos / 1_000_000), (int) (nanos % 1_000_000));
            waited += System.nanoTime() - start;
            refill();
        }
        tokens -= 1;
        return waited;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
        last = now;
    }
}
