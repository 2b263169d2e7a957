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

/** {@code alpr bench soak}: the whole pipeline at a fixed rate for a long time; memory, lag and latency over time. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "The whole pipeline at a fixed rate for a long time: heap, RSS, lag and latency over time"
                + " (printed, CSV and JSON). Not for CI.")
final class SoakBenchCommand implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "${env:ALPR_SOAK_RATE:-1000}",
            description = "Reads/s (env ALPR_SOAK_RATE, default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--duration", converter = DurationConverter.class, defaultValue = "${env:ALPR_SOAK_DURATION:-30m}",
            description = "How long (env ALPR_SOAK_DURATION, default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--interval", converter = DurationConverter.class, defaultValue = "${env:ALPR_SOAK_INTERVAL:-10s}",
            description = "Time between samples (env ALPR_SOAK_INTERVAL, default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--db-admin-url", defaultValue = "${env:ALPR_BENCH_DB_ADMIN_URL:-" + PostgresServer.DEFAULT_URL
            + "}", description = "A PostgreSQL to create the bench database on; an embedded one when it does not"
            + " answer (env ALPR_BENCH_DB_ADMIN_URL, default ${DEFAULT-VALUE}).")
    String adminUrl;

    @Option(names = "--csv", defaultValue = "${env:ALPR_SOAK_CSV:-bench-soak.csv}",
            description = "Samples as CSV (env ALPR_SOAK_CSV, default ${DEFAULT-VALUE}).")
    Path csv;

    @Option(names = "--report", defaultValue = "${env:ALPR_SOAK_REPORT:-bench-soak.json}",
            description = "Samples and summary as JSON (env ALPR_SOAK_REPORT, default ${DEFAULT-VALUE}).")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SoakBenchmark.Report r = new SoakBenchmark(rate, duration, interval, adminUrl, csv, out).run();
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), r);
        out.printf("%s; %d cores; %,d reads/s for %d s; samples in %s and %s%n", r.where(), r.cores(), r.rate(),
                r.seconds(), csv.toAbsolutePath(), report.toAbsolutePath());
        out.flush();
        return 0;
    }
}
