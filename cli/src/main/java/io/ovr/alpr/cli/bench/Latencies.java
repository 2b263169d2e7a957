package io.ovr.alpr.cli.bench;

import java.util.Arrays;

/** Latency samples in milliseconds and their percentiles. */
final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long millis) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = millis;
    }

    synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile (0..100), or -1 without samples. */
    synchronized long percentile(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))];
    }
}
