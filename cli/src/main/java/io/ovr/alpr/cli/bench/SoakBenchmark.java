package io.ovr.alpr.cli.bench;

import io.ovr.alpr.cli.load.LoadGenerator;
import io.ovr.alpr.cli.load.RealisticReads;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code alpr bench soak}: the whole pipeline of {@code bench e2e} at one fixed rate for a long time,
 * sampled every interval: heap in use and committed, resident memory of this JVM and of the
 * OpenSearch node, each stage's lag, and the end-to-end latency of the reads sent in the interval.
 * Every sample is printed and appended to a CSV file; a JSON summary is written at the end.
 */
final class SoakBenchmark {

    /** One interval. */
    record Sample(long elapsedSeconds, long reads, double sentRate, long heapUsedMb, long heapCommittedMb,
                  long rssMb, long searchRssMb, Map<String, Long> lag, long enrichedP50, long enrichedP99,
                  long rowP50, long rowP99, long documentP50, long documentP99, long alertP50, long alertP99,
                  double loadAverage) {
    }

    /** The run. */
    record Report(String startedAt, int cores, String where, int rate, long seconds, List<Sample> samples) {
    }

    private final int rate;
    private final Duration duration;
    private final Duration interval;
    private final String pgAdminUrl;
    private final Path csv;
    private final PrintWriter out;

    SoakBenchmark(int rate, Duration duration, Duration interval, String pgAdminUrl, Path csv, PrintWriter out) {
        this.rate = rate;
        this.duration = duration;
        this.interval = interval;
        this.pgAdminUrl = pgAdminUrl;
        this.csv = csv;
        this.out = out;
    }

    Report run() throws Exception {
        String startedAt = Instant.now().toString();
        RealisticReads generator = new RealisticReads(RealisticReads.Profile.defaults().withPlates(100_000));
        List<Sample> samples = new ArrayList<>();
        try (E2ePipeline pipeline = new E2ePipeline(pgAdminUrl, generator, line -> {
                out.println(line);
                out.flush();
            });
             LoadGenerator load = new LoadGenerator(pipeline.bootstrap(), pipeline.topics);
             ProbeTracker probes = new ProbeTracker(pipeline, 20)) {
            Files.writeString(csv, "elapsed_s,reads,sent_per_s,heap_used_mb,heap_committed_mb,rss_mb,search_rss_mb,"
                    + "lag_streams,lag_timescale,lag_opensearch,enriched_p50_ms,enriched_p99_ms,row_p50_ms,row_p99_ms,"
                    + "document_p50_ms,document_p99_ms,alert_p50_ms,alert_p99_ms,load_average\n");
            out.printf("soak: %,d reads/s for %s, a sample every %s (CSV %s)%n", rate, duration, interval,
                    csv.toAbsolutePath());
            out.printf("%7s %9s %9s %9s %8s %10s %16s %11s %11s %11s%n", "elapsed", "reads/s", "heap MB", "RSS MB",
                    "OS RSS", "load avg", "lag str/ts/os", "enriched", "row", "document");
            out.flush();
            long start = System.nanoTime();
            int index = 0;
            while (System.nanoTime() - start < duration.toNanos()) {
                probes.bucket(index);
                LoadGenerator.Sent sent = load.run(generator, rate, interval, new AtomicBoolean(),
                        read -> probes.sent(read, System.nanoTime()));
                int bucket = index;
                Sample sample = sample((System.nanoTime() - start) / 1_000_000_000L, sent, pipeline.lags(), probes,
                        bucket > 0 ? bucket - 1 : bucket);
                samples.add(sample);
                print(sample);
                index++;
            }
            return new Report(startedAt, Runtime.getRuntime().availableProcessors(), pipeline.where, rate,
                    (System.nanoTime() - start) / 1_000_000_000L, samples);
        }
    }

    /** Latencies are those of the previous interval's reads, which have had an interval to arrive. */
    private Sample sample(long elapsed, LoadGenerator.Sent sent, Map<String, Long> lag, ProbeTracker probes,
                          int bucket) throws IOException {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Latencies enriched = probes.latencies(bucket, ProbeTracker.Stage.ENRICHED);
        Latencies row = probes.latencies(bucket, ProbeTracker.Stage.ROW);
        Latencies doc = probes.latencies(bucket, ProbeTracker.Stage.DOCUMENT);
        Latencies alert = probes.latencies(bucket, ProbeTracker.Stage.ALERT);
        Sample s = new Sample(elapsed, sent.reads(), sent.rate(), heap.getUsed() >> 20, heap.getCommitted() >> 20,
                rssMb(ProcessHandle.current().pid()), searchRssMb(), lag, enriched.percentile(50),
                enriched.percentile(99), row.percentile(50), row.percentile(99), doc.percentile(50),
                doc.percentile(99), alert.percentile(50), alert.percentile(99), EndToEndBenchmark.loadAverage());
        Files.writeString(csv, String.format(Locale.ROOT, "%d,%d,%.0f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%.2f%n",
                s.elapsedSeconds(), s.reads(), s.sentRate(), s.heapUsedMb(), s.heapCommittedMb(), s.rssMb(),
                s.searchRssMb(), lag.get("streams"), lag.get("timescale"), lag.get("opensearch"), s.enrichedP50(),
                s.enrichedP99(), s.rowP50(), s.rowP99(), s.documentP50(), s.documentP99(), s.alertP50(),
                s.alertP99(), s.loadAverage()), java.nio.file.StandardOpenOption.APPEND);
        return s;
    }

    private void print(Sample s) {
        out.printf("%6ds %,9.0f %4d/%4d %9d %8d %10.1f %16s %11s %11s %11s%n", s.elapsedSeconds(), s.sentRate(),
                s.heapUsedMb(), s.heapCommittedMb(), s.rssMb(), s.searchRssMb(), s.loadAverage(),
                s.lag().get("streams") + "/" + s.lag().get("timescale") + "/" + s.lag().get("opensearch"),
                s.enrichedP50() + "/" + s.enrichedP99(), s.rowP50() + "/" + s.rowP99(),
                s.documentP50() + "/" + s.documentP99());
        out.flush();
    }

    /** Resident memory of the OpenSearch node: the child JVMs of this one (there is one). */
    private static long searchRssMb() {
        return ProcessHandle.current().children().mapToLong(p -> rssMb(p.pid())).sum();
    }

    private static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
