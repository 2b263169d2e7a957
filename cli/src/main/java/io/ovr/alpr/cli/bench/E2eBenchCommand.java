package io.ovr.alpr.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ovr.alpr.cli.DurationConverter;
import io.ovr.alpr.devstack.PostgresServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alpr bench e2e}: the whole pipeline's sustained rate and end-to-end latency, and the broker's pass-through. */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "Highest sustained rate of topology + timescale sink + opensearch sink with stable lag, latency"
                + " from read to alert, row and searchable document, and the broker pass-through ceiling.")
final class E2eBenchCommand implements Callable<Integer> {

    @Option(names = "--start-rate", defaultValue = "${env:ALPR_BENCH_START_RATE:-500}",
            description = "Reads/s of the warm-up and the first step (env ALPR_BENCH_START_RATE, default ${DEFAULT-VALUE}).")
    int startRate;

    @Option(names = "--factor", defaultValue = "${env:ALPR_BENCH_FACTOR:-1.5}",
            description = "Each step's rate is the previous one's times this (env ALPR_BENCH_FACTOR, default"
                    + " ${DEFAULT-VALUE}).")
    double factor;

    @Option(names = "--max-rate", defaultValue = "${env:ALPR_BENCH_MAX_RATE:-50000}",
            description = "Highest rate tried (env ALPR_BENCH_MAX_RATE, default ${DEFAULT-VALUE}).")
    int maxRate;

    @Option(names = "--step", converter = DurationConverter.class, defaultValue = "${env:ALPR_BENCH_STEP:-30s}",
            description = "How long each step holds its rate (env ALPR_BENCH_STEP, default ${DEFAULT-VALUE}).")
    Duration step;

    @Option(names = "--warmup", converter = DurationConverter.class, defaultValue = "${env:ALPR_BENCH_WARMUP_TIME:-30s}",
            description = "Warm-up at the start rate, not reported (env ALPR_BENCH_WARMUP_TIME, default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--probes", defaultValue = "${env:ALPR_BENCH_PROBES:-50}",
            description = "Reads timed end to end per second (env ALPR_BENCH_PROBES, default ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--pass-through-reads", defaultValue = "${env:ALPR_BENCH_PASS_THROUGH_READS:-300000}",
            description = "Reads copied to measure the broker pass-through (env ALPR_BENCH_PASS_THROUGH_READS, default"
                    + " ${DEFAULT-VALUE}).")
    int passThroughReads;

    @Option(names = "--db-admin-url", defaultValue = "${env:ALPR_BENCH_DB_ADMIN_URL:-" + PostgresServer.DEFAULT_URL
            + "}", description = "A PostgreSQL to create the bench database on; an embedded one when it does not"
            + " answer (env ALPR_BENCH_DB_ADMIN_URL, default ${DEFAULT-VALUE}).")
    String adminUrl;

    @Option(names = "--report", defaultValue = "${env:ALPR_BENCH_REPORT:-bench-e2e.json}",
            description = "Where the JSON report goes (env ALPR_BENCH_REPORT, default ${DEFAULT-VALUE}).")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EndToEndBenchmark.Report r = new EndToEndBenchmark(new EndToEndBenchmark.Options(startRate, factor, maxRate,
                step, warmup, probes, passThroughReads, adminUrl), out).run();
        out.printf("%n%s; %d cores; load average %.1f before, %.1f after%n", r.where(), r.cores(),
                r.loadAverageBefore(), r.loadAverageAfter());
        out.printf("%8s %9s %7s %24s | %-16s %-16s %-16s %-16s%n", "target/s", "sent/s", "stable",
                "max lag str/ts/os", "enriched ms", "alert ms", "row ms", "document ms");
        for (EndToEndBenchmark.Step s : r.steps()) {
            out.printf("%,8d %,9.0f %7s %24s | %-16s %-16s %-16s %-16s%n", s.targetRate(), s.sentRate(),
                    s.stable() ? "yes" : "NO", s.maxLag().get("streams") + "/" + s.maxLag().get("timescale") + "/"
                            + s.maxLag().get("opensearch"), stage(s, "enriched"), stage(s, "alert"), stage(s, "row"),
                    stage(s, "document"));
        }
        out.printf("latency columns: p50/p99 (samples); sustained rate with stable lag: %s reads/s; broker"
                        + " pass-through ceiling: %,.0f reads/s%n",
                r.sustainedRate() == null ? "below the start rate" : String.format("%,d", r.sustainedRate()),
                r.passThroughReadsPerSecond());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), r);
        out.printf("report: %s%n", report.toAbsolutePath());
        out.flush();
        return 0;
    }

    private static String stage(EndToEndBenchmark.Step step, String name) {
        EndToEndBenchmark.StageLatency l = step.latency().get(name);
        if (l == null || l.samples() == 0) {
            return "-";
        }
        return l.p50Ms() + "/" + l.p99Ms() + " (" + l.samples() + (l.unseen() > 0 ? ", " + l.unseen() + " unseen" : "")
                + ")";
    }
}
