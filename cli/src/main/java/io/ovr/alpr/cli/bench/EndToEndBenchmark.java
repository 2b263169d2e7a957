package io.ovr.alpr.cli.bench;

import io.ovr.alpr.cli.load.LoadGenerator;
import io.ovr.alpr.cli.load.RealisticReads;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.topics.AlprTopics;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@code alpr bench e2e}: the whole pipeline (topology, timescale sink, opensearch sink) fed by the
 * load generator in steps of rising rate. Each step holds its rate for a while; it is stable when
 * the generator kept the rate, at its end no stage is more than two seconds of input behind
 * (committed offsets of the topology, of each sink), and every read sampled in the step reached
 * every stage within 30 s after it. The ladder stops at the first unstable step;
 * the highest stable one is the sustained rate. Sampled reads are timed from their send to their
 * enriched event, their alert (hotlisted plates), their row in PostgreSQL and their searchable
 * document. In the same run, on the same broker, a plain consumer-to-producer copy of the same
 * reads gives the broker's pass-through ceiling.
 */
final class EndToEndBenchmark {

    /** What to run. */
    record Options(int startRate, double factor, int maxRate, Duration step, Duration warmup, int probesPerSecond,
                   int passThroughReads, String pgAdminUrl) {
    }

    /** Latency at one stage of one step, ms; {@code unseen}: sampled reads that had not reached it when the step was judged. */
    record StageLatency(int samples, long unseen, long p50Ms, long p99Ms) {
    }

    /** One step of the ladder. */
    record Step(int targetRate, double sentRate, long reads, boolean stable, Map<String, Long> lagAtEnd,
                Map<String, Long> maxLag, Map<String, StageLatency> latency, double loadAverage) {
    }

    /** The run. */
    record Report(String startedAt, int cores, String where, List<Step> steps, Integer sustainedRate,
                  double passThroughReadsPerSecond, double loadAverageBefore, double loadAverageAfter) {
    }

    /** How long after a step every sampled read of it must have reached every stage. */
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final String PASS_IN = "bench.e2e.passthrough.in";
    private static final String PASS_OUT = "bench.e2e.passthrough.out";
    private static final String PASS_GROUP = "bench-e2e-passthrough";
    private final Options options;
    private final PrintWriter out;

    EndToEndBenchmark(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    Report run() throws Exception {
        double loadBefore = loadAverage();
        String startedAt = Instant.now().toString();
        RealisticReads generator = new RealisticReads(RealisticReads.Profile.defaults());
        try (E2ePipeline pipeline = new E2ePipeline(options.pgAdminUrl(), generator, this::progress);
             LoadGenerator load = new LoadGenerator(pipeline.bootstrap(), pipeline.topics);
             ProbeTracker probes = new ProbeTracker(pipeline, options.probesPerSecond())) {
            progress("warm-up: %,d reads/s for %d s (not reported)", options.startRate(), options.warmup().toSeconds());
            probes.bucket(-1);
            runStep(pipeline, load, generator, probes, options.startRate(), options.warmup(), -1);
            List<Step> steps = new ArrayList<>();
            Integer sustained = null;
            int rate = options.startRate();
            for (int index = 0; rate <= options.maxRate(); index++) {
                progress("step %d: %,d reads/s for %d s ...", index + 1, rate, options.step().toSeconds());
                probes.bucket(index);
                Step step = runStep(pipeline, load, generator, probes, rate, options.step(), index);
                steps.add(step);
                progress("  sent %,.0f/s, %s; lag at end %s (max %s); %s", step.sentRate(),
                        step.stable() ? "stable" : "NOT stable", step.lagAtEnd(), step.maxLag(), step.latency());
                if (!step.stable()) {
                    break;
                }
                sustained = rate;
                rate = (int) Math.round(rate * options.factor());
            }
            progress("broker pass-through ceiling: copying %,d reads consumer -> producer ...",
                    options.passThroughReads());
            double passThrough = passThrough(pipeline);
            progress("  %,.0f reads/s", passThrough);
            return new Report(startedAt, Runtime.getRuntime().availableProcessors(), pipeline.where, steps,
                    sustained, passThrough, loadBefore, loadAverage());
        }
    }

    private Step runStep(E2ePipeline pipeline, LoadGenerator load, RealisticReads generator, ProbeTracker probes,
                         int rate, Duration length, int index) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Long> maxLag = new LinkedHashMap<>();
        Thread sampler = new Thread(() -> {
            while (!stop.get()) {
                try {
                    pipeline.lags().forEach((k, v) -> maxLag.merge(k, v, Math::max));
                } catch (Exception e) {
                    progress("  lag sample failed: %s", e);
                }
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
        }, "bench-lag-sampler");
        sampler.start();
        LoadGenerator.Sent sent;
        try {
            sent = load.run(generator, rate, length, new AtomicBoolean(), read -> probes.sent(read, System.nanoTime()));
        } finally {
            stop.set(true);
            sampler.join();
        }
        Map<String, Long> lagAtEnd = pipeline.lags();
        boolean kept = sent.rate() >= 0.95 * rate && lagAtEnd.values().stream().allMatch(lag -> lag <= 2L * rate);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(kept ? GRACE.toSeconds() : 5);
        while (probes.pending(index) > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        boolean stable = kept && probes.pending(index) == 0;
        List<String> unseen = probes.unseenRows(index, 5, pipeline.database.dataSource());
        for (String line : unseen) {
            progress("  unseen: %s", line);
        }
        if (!unseen.isEmpty()) {
            progress("  sink offsets on %s: %s", AlprTopics.PLATES_ENRICHED, pipeline.sinkOffsets());
            pipeline.deadLetters().forEach((reason, detail) -> progress("  dead letters %s: %s", reason,
                    detail.length() > 300 ? detail.substring(0, 300) : detail));
        }
        Map<String, StageLatency> latency = new LinkedHashMap<>();
        for (ProbeTracker.Stage stage : ProbeTracker.Stage.values()) {
            Latencies l = probes.latencies(index, stage);
            latency.put(stage.name().toLowerCase(java.util.Locale.ROOT), new StageLatency(l.count(),
                    probes.pending(index, stage), l.percentile(50), l.percentile(99)));
        }
        return new Step(rate, sent.rate(), sent.reads(), stable, lagAtEnd, maxLag, latency, loadAverage());
    }

    /** Copies a backlog of reads through a plain consumer and producer; the sustained rate of the copy. */
    private double passThrough(E2ePipeline pipeline) throws Exception {
        BenchClients clients = BenchClients.likeStreams(pipeline.settings);
        try (Admin admin = Admin.create(clients.admin())) {
            admin.createTopics(List.of(new NewTopic(PASS_IN, 3, (short) 1), new NewTopic(PASS_OUT, 3, (short) 1)))
                    .all().get(60, TimeUnit.SECONDS);
            RealisticReads generator = new RealisticReads(RealisticReads.Profile.defaults().withSeed(7));
            Serializer<PlateRead> serializer = pipeline.topics.detectionsRaw().valueSerde().serializer();
            try (KafkaProducer<byte[], byte[]> producer = clients.producer()) {
                Instant at = Instant.now();
                for (int i = 0; i < options.passThroughReads(); i++) {
                    RealisticReads.Read read = generator.next(at.plusMillis(i));
                    producer.send(new ProducerRecord<>(PASS_IN, read.key().getBytes(StandardCharsets.UTF_8),
                            serializer.serialize(AlprTopics.DETECTIONS_RAW, read.read())));
                }
                producer.flush();
            }
            AtomicBoolean stop = new AtomicBoolean();
            Thread loop = new Thread(() -> clients.copy(PASS_GROUP, PASS_IN, PASS_OUT, stop), "bench-passthrough");
            loop.start();
            try {
                SustainedRate.Window window = SustainedRate.measure(admin, PASS_GROUP, PASS_IN,
                        options.passThroughReads() / 3, options.passThroughReads(), "bench-passthrough"::equals,
                        Duration.ofMinutes(10));
                return window.readsPerSecond();
            } finally {
                stop.set(true);
                loop.join();
            }
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void progress(String format, Object... args) {
        synchronized (out) {
            out.printf(format + "%n", args);
            out.flush();
        }
    }

    private void progress(String line) {
        progress("%s", line);
    }
}
