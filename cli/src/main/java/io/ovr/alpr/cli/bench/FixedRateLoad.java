package io.ovr.alpr.cli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator: requests leave at a fixed rate whatever the server does, and
 * each latency is measured from the request's intended send time, so a stalled server shows up as
 * latency instead of as fewer requests (no coordinated omission). HTTP/1.1 with keep-alive
 * connections (java.net.http opens as many as the concurrency needs, up to {@value #MAX_IN_FLIGHT}).
 */
final class FixedRateLoad {

    /** What one run measured; latencies in milliseconds. */
    record Result(String name, int targetRate, long requests, long errors, double achievedRate, double p50Ms,
                  double p99Ms, double p999Ms, double maxMs) {
    }

    /** At most this many requests in flight (connections); beyond it sends wait, and the wait counts as latency. */
    private static final int MAX_IN_FLIGHT = 256;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    /** Warms up (not recorded), then sends {@code rate * duration} requests cycling over {@code uris}. */
    Result run(String name, List<URI> uris, String apiKey, int rate, Duration warmup, Duration duration)
            throws InterruptedException {
        List<HttpRequest> requests = uris.stream().map(uri -> HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("X-API-Key", apiKey).GET().build()).toList();
        send(requests, rate, (int) (rate * warmup.toMillis() / 1000), null);
        int count = (int) (rate * duration.toMillis() / 1000);
        long[] micros = new long[count];
        Arrays.fill(micros, -1);
        Outcome outcome = send(requests, rate, count, micros);
        long[] sorted = Arrays.stream(micros).filter(m -> m >= 0).sorted().toArray();
        double seconds = (outcome.lastDone - outcome.start) / 1e9;
        return new Result(name, rate, outcome.completed, outcome.errors, outcome.completed / seconds,
                percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 99.9),
                sorted.length == 0 ? -1 : sorted[sorted.length - 1] / 1000.0);
    }

    private record Outcome(long start, long lastDone, int completed, long errors) {
    }

    private Outcome send(List<HttpRequest> requests, int rate, int count, long[] micros) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(count);
        AtomicLong errors = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 1_000_000;
        for (int i = 0; i < count; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            inFlight.acquire();
            client.sendAsync(requests.get(i % requests.size()), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        long now = System.nanoTime();
                        if (failure != null || response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        if (micros != null) {
                            micros[index] = (now - intended) / 1000;
                        }
                        lastDone.accumulateAndGet(now, Math::max);
                        inFlight.release();
                        done.countDown();
                    });
        }
        boolean all = done.await(60, TimeUnit.SECONDS);
        int completed = (int) (count - done.getCount());
        return new Outcome(start, all ? lastDone.get() : System.nanoTime(), completed,
                errors.get() + (count - completed));
    }

    static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, index))] / 1000.0;
    }
}
