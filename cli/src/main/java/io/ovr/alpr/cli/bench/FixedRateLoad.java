package io.ovr.alpr.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
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
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * An open-loop HTTP load generator: requests are due at a fixed rate whatever the server does, a
 * pool of workers sends them (blocking HTTP/1.1 with keep-alive, one connection per worker), and
 * each latency is measured from the request's intended send time, so a stalled server or a full
 * worker pool shows up as latency rather than as fewer requests (no coordinated omission).
 * Workers send with Apache HttpClient's classic (blocking) client on their own thread, as the
 * API's peer client does: the JDK's {@code HttpClient} passes every exchange through its selector
 * thread and an executor, which made the load generator cost more CPU than the server it measured.
 */
final class FixedRateLoad implements AutoCloseable {

    /** What one run measured; latencies in milliseconds. */
    record Result(String name, int targetRate, long requests, long errors, double achievedRate, double p50Ms,
                  double p99Ms, double p999Ms, double maxMs, double cpuMicrosPerRequest) {
    }

    private static final int WORKERS = 64;

    private final CloseableHttpClient client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(WORKERS).setMaxConnTotal(WORKERS)
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.ofSeconds(10)).build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
            .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
            .disableContentCompression()
            .build();
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
        send(uris, apiKey, rate, (int) (rate * warmup.toMillis() / 1000), null);
        int count = (int) (rate * duration.toMillis() / 1000);
        long[] micros = new long[count];
        Arrays.fill(micros, -1);
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        Outcome outcome = send(uris, apiKey, rate, count, micros);
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

    private Outcome send(List<URI> uris, String apiKey, int rate, int count, long[] micros)
            throws InterruptedException {
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
                boolean ok = sendOne(uris.get(index % uris.size()), apiKey);
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

    private boolean sendOne(URI uri, String apiKey) {
        HttpGet request = new HttpGet(uri);
        request.setHeader("X-API-Key", apiKey);
        try {
            return client.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode() == 200;
            });
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
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
