package io.ovr.alpr.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator: requests are due at a fixed rate whatever the server does, a
 * pool of workers sends them (blocking HTTP/1.1 with keep-alive, one connection per worker), and
 * each latency is measured from the request's intended send time, so a stalled server or a full
 * worker pool shows up as latency rather than as fewer requests (no coordinated omission).
 * Blocking sends on own threads, because {@code sendAsync} starts a thread per response on
 * machines with fewer than three cores.
 */
final class FixedRateLoad implements AutoCloseable {

    /** What one run measured; latencies in milliseconds. */
    record Result(String name, int targetRate, long requests, long errors, double achievedRate, double p50Ms,
                  double p99Ms, double p999Ms, double maxMs, double cpuMicrosPerRequest) {
    }

    private static final int WORKERS = 64;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService workers;
    private final double idleCpuNanosPerSecond;

    /** @param idleCpuNanosPerSecond CPU the process burns without requests (broker, stream threads), subtracted */
    FixedRateLoad(double idleCpuNanosPerSecond) {
        this.idleCpuNanosPerSecond = idleCpuNanosPerSecond;
        AtomicInteger ids = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, "bench-load-" + ids.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Measures the process's CPU use without requests over {@code period}. */
    static double idleCpuNanosPerSecond(Duration period) throws InterruptedException {
        long cpu = processCpuNanos();
        long wall = System.nanoTime();
        Thread.sleep(period.toMillis());
        return (processCpuNanos() - cpu) / ((System.nanoTime() - wall) / 1e9);
    }

    /** Warms up (not recorded), then sends {@code rate * duration} requests cycling over {@code uris}. */
    Result run(String name, List<URI> uris, String apiKey, int rate, Duration warmup, Duration duration)
            throws InterruptedException {
        List<HttpRequest> requests = uris.stream().map(uri -> HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("X-API-Key", apiKey).GET().build()).toList();
        send(requests, rate, (int) (rate * warmup.toMillis() / 1000), null);
        int count = (int) (rate * duration.toMillis() / 1000);
        long[] micros = new long[count];
        Arrays.fill(micros, -1);
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        Outcome outcome = send(requests, rate, count, micros);
        double busy = processCpuNanos() - cpuBefore - idleCpuNanosPerSecond * (System.nanoTime() - wallBefore) / 1e9;
        long[] sorted = Arrays.stream(micros).filter(m -> m >= 0).sorted().toArray();
        double seconds = (outcome.lastDone - outcome.start) / 1e9;
        return new Result(name, rate, outcome.completed, outcome.errors, outcome.completed / seconds,
                percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 99.9),
                sorted.length == 0 ? -1 : sorted[sorted.length - 1] / 1000.0,
                busy / 1000.0 / Math.max(1, outcome.completed));
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
            workers.execute(() -> {
                boolean ok = sendOne(requests.get(index % requests.size()));
                long now = System.nanoTime();
                if (!ok) {
                    errors.incrementAndGet();
                }
                if (micros != null) {
                    micros[index] = (now - intended) / 1000;
                }
                lastDone.accumulateAndGet(now, Math::max);
                done.countDown();
            });
        }
        boolean all = done.await(60, TimeUnit.SECONDS);
        int completed = (int) (count - done.getCount());
        return new Outcome(start, all ? lastDone.get() : System.nanoTime(), completed,
                errors.get() + (count - completed));
    }

    private boolean sendOne(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** CPU time of the whole process (broker, instances and load generator together). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, index))] / 1000.0;
    }
}
