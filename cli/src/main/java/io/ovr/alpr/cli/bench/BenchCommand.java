package io.ovr.alpr.cli.bench;

import io.ovr.alpr.cli.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alpr bench ...}: benchmarks that compare against a baseline in the same run and print what they measured. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (each with its baseline).",
        subcommands = {BenchCommand.Topology.class, BenchCommand.Hotlist.class, BenchCommand.Api.class,
                SinkBenchCommand.class, BenchCommand.Edge.class, E2eBenchCommand.class,
                SoakBenchCommand.class})
public final class BenchCommand {

    /** {@code alpr bench topology}. */
    @Command(name = "topology", mixinStandardHelpOptions = true,
            description = "The topology (exactly_once_v2) against a plain consumer->producer on the same broker.")
    static final class Topology implements Callable<Integer> {

        @Option(names = "--reads", defaultValue = "${env:ALPR_BENCH_READS:-200000}",
                description = "Reads whose processing is timed for the sustained rate (env ALPR_BENCH_READS,"
                        + " default ${DEFAULT-VALUE}).")
        int reads;

        @Option(names = "--warmup", defaultValue = "${env:ALPR_BENCH_WARMUP:-100000}",
                description = "Reads processed before the timing starts, by each side (env ALPR_BENCH_WARMUP,"
                        + " default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--rate", defaultValue = "${env:ALPR_BENCH_RATE:-5000}",
                description = "Reads/s of the latency phase (env ALPR_BENCH_RATE, default ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--latency-duration", converter = DurationConverter.class,
                defaultValue = "${env:ALPR_BENCH_LATENCY_DURATION:-10s}",
                description = "Length of the latency phase (env ALPR_BENCH_LATENCY_DURATION, default ${DEFAULT-VALUE}).")
        Duration latencyDuration;

        @Option(names = "--threads", defaultValue = "${env:ALPR_STREAM_THREADS:-1}",
                description = "Stream threads of the topology (env ALPR_STREAM_THREADS, default ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--hotlist-entries", defaultValue = "${env:ALPR_BENCH_HOTLIST_ENTRIES:-10000}",
                description = "Hotlist entries loaded before the run (env ALPR_BENCH_HOTLIST_ENTRIES, default"
                        + " ${DEFAULT-VALUE}).")
        int hotlist;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            TopologyBenchmark.Report report = new TopologyBenchmark(new TopologyBenchmark.Options(reads, warmup, rate,
                    latencyDuration, threads, hotlist), out).run();
            out.printf("%n%-38s %9s %11s %11s %7s %7s %13s%n", "", "reads/s", "CPU us/read", "thread us/r",
                    "p50 ms", "p99 ms", "samples");
            for (TopologyBenchmark.Result r : new TopologyBenchmark.Result[] {report.passThrough(), report.streamsCopy(),
                    report.topology()}) {
                out.printf("%-38s %,9.0f %11.1f %11.1f %7d %7d %,6d/%,d%n", r.name(), r.readsPerSecond(),
                        r.cpuMicrosPerRead(), r.threadCpuMicrosPerRead(), r.p50Ms(), r.p99Ms(), r.samples(), r.sent());
            }
            out.printf("topology / pass-through: %.0f %% of the sustained rate (%,d reads timed after %,d of warm-up;"
                    + " latency at %,d reads/s)%n", report.ratio() * 100, reads, warmup, rate);
            out.printf("topology / streams copy: %.0f %%%n", 100 * report.topology().readsPerSecond()
                    / report.streamsCopy().readsPerSecond());
            out.printf("CPU us/read: the whole JVM (broker, clients, JIT, GC); thread us/r: the copy loop or the"
                    + " stream threads%n");
            out.flush();
            return 0;
        }
    }

    /** {@code alpr bench hotlist}. */
    @Command(name = "hotlist", mixinStandardHelpOptions = true,
            description = "Fuzzy hotlist index lookups against a brute-force scan.")
    static final class Hotlist implements Callable<Integer> {

        @Option(names = "--entries", defaultValue = "${env:ALPR_BENCH_ENTRIES:-1000000}",
                description = "Hotlist entries (env ALPR_BENCH_ENTRIES, default ${DEFAULT-VALUE}).")
        int entries;

        @Option(names = "--lookups", defaultValue = "${env:ALPR_BENCH_LOOKUPS:-200000}",
                description = "Lookups to time (env ALPR_BENCH_LOOKUPS, default ${DEFAULT-VALUE}).")
        int lookups;

        @Option(names = "--distance", defaultValue = "${env:ALPR_HOTLIST_DISTANCE:-1}",
                description = "Edit distance 0-2 (env ALPR_HOTLIST_DISTANCE, default ${DEFAULT-VALUE}).")
        int distance;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            HotlistBenchmark.Result r = new HotlistBenchmark(entries, lookups, distance).run();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("hotlist index: %,d entries, edit distance %d, built in %.1f s, ~%d MB of heap%n", r.entries(),
                    r.distance(), r.buildSeconds(), r.heapMb());
            out.printf("lookups: %,d at %,.0f/s, p50 %.1f us, p99 %.1f us (%,d matches)%n", r.lookups(),
                    r.lookupsPerSecond(), r.p50Micros(), r.p99Micros(), r.matches());
            out.printf("brute-force scan of the same entries: %,.0f us per lookup (%.0fx slower than p50)%n",
                    r.bruteForceMicros(), r.bruteForceMicros() / r.p50Micros());
            out.flush();
            return 0;
        }
    }

    /** {@code alpr bench api}. */
    @Command(name = "api", mixinStandardHelpOptions = true,
            description = "Latest-plate lookups through the query API at a fixed rate, answered locally and forwarded"
                    + " to the owning instance, against in-process IQv2 and GET /health baselines.")
    static final class Api implements Callable<Integer> {

        @Option(names = "--rate", defaultValue = "${env:ALPR_BENCH_API_RATE:-2000}",
                description = "Requests/s of each phase (env ALPR_BENCH_API_RATE, default ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--duration", converter = DurationConverter.class,
                defaultValue = "${env:ALPR_BENCH_API_DURATION:-15s}",
                description = "Measured length of each phase (env ALPR_BENCH_API_DURATION, default ${DEFAULT-VALUE}).")
        Duration duration;

        @Option(names = "--warmup", converter = DurationConverter.class,
                defaultValue = "${env:ALPR_BENCH_API_WARMUP:-5s}",
                description = "Unrecorded warm-up before each phase (env ALPR_BENCH_API_WARMUP, default ${DEFAULT-VALUE}).")
        Duration warmup;

        @Option(names = "--plates", defaultValue = "${env:ALPR_BENCH_API_PLATES:-2000}",
                description = "Distinct plates in the stores (env ALPR_BENCH_API_PLATES, default ${DEFAULT-VALUE}).")
        int plates;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ApiBenchmark.Report report = new ApiBenchmark(rate, duration, warmup, plates, out).run();
            out.printf("%n%d plates: %d owned by instance A (local), %d by B (forwarded); %d cores, one JVM runs the"
                    + " broker, both instances and the load generator%n", report.plates(), report.local(),
                    report.remote(), Runtime.getRuntime().availableProcessors());
            out.printf("in-process IQv2 lookup on A (no HTTP): p50 %.3f ms, p99 %.3f ms%n", report.iqP50Ms(),
                    report.iqP99Ms());
            out.printf("%-30s %8s %10s %9s %9s %9s %9s %8s %11s%n", "", "target/s", "achieved/s", "p50 ms", "p99 ms",
                    "p99.9 ms", "max ms", "errors", "CPU us/req");
            for (FixedRateLoad.Result r : report.results()) {
                out.printf("%-30s %8d %10.0f %9.2f %9.2f %9.2f %9.1f %8d %11.0f%n", r.name(), r.targetRate(),
                        r.achievedRate(), r.p50Ms(), r.p99Ms(), r.p999Ms(), r.maxMs(), r.errors(),
                        r.cpuMicrosPerRequest());
            }
            out.printf("latency from each request's intended send time (open loop); CPU us/req: CPU time of the whole"
                    + " JVM (client and servers) per request, less its idle use (%.0f ms/s); load average %.1f before,"
                    + " %.1f after; audit lines in %s%n", report.idleCpuMsPerSecond(), report.loadBefore(),
                    report.loadAfter(), report.auditFile());
            out.flush();
            return 0;
        }
    }

    /** {@code alpr bench edge}. */
    @Command(name = "edge", mixinStandardHelpOptions = true,
            description = "Edge frames/s and ms per stage at 1280x720 with 1 and 2 workers, against decoding alone.")
    static final class Edge implements Callable<Integer> {

        @Option(names = "--width", defaultValue = "${env:ALPR_BENCH_WIDTH:-1280}",
                description = "Frame width (env ALPR_BENCH_WIDTH, default ${DEFAULT-VALUE}).")
        int width;

        @Option(names = "--height", defaultValue = "${env:ALPR_BENCH_HEIGHT:-720}",
                description = "Frame height (env ALPR_BENCH_HEIGHT, default ${DEFAULT-VALUE}).")
        int height;

        @Option(names = "--vehicles", defaultValue = "${env:ALPR_BENCH_VEHICLES:-6}",
                description = "Vehicles in the rendered video, 2.5 s at 15 fps each (env ALPR_BENCH_VEHICLES, default ${DEFAULT-VALUE}).")
        int vehicles;

        @Option(names = "--backgrounds", defaultValue = "${env:ALPR_BENCH_BACKGROUNDS:-../shared/data/backgrounds}",
                description = "Background photos (env ALPR_BENCH_BACKGROUNDS, default ${DEFAULT-VALUE}).")
        java.nio.file.Path backgrounds;

        @Option(names = "--reader-views",
                defaultValue = "${env:ALPR_BENCH_READER_VIEWS:-" + io.ovr.alpr.cli.edge.ModelOptions.DEFAULT_VIEWS + "}",
                converter = io.ovr.alpr.cli.edge.ModelOptions.ViewsConverter.class,
                description = "Reader views of the pipelines measured after the baseline (one view, boxes as found; "
                        + "env ALPR_BENCH_READER_VIEWS, default ${DEFAULT-VALUE}).")
        int views;

        @Option(names = "--plate-formats", defaultValue = "${env:ALPR_BENCH_PLATE_FORMATS:-any}",
                converter = io.ovr.alpr.cli.edge.ModelOptions.FormatsConverter.class,
                description = "Plate formats of the pipelines measured after the baseline, as alpr edge --plate-formats "
                        + "(the video's plates are Brazilian, US and EU: br,us,eu; "
                        + "env ALPR_BENCH_PLATE_FORMATS, default ${DEFAULT-VALUE}).")
        io.ovr.alpr.edge.reader.PlateFormats formats;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("rendering %d vehicles at %dx%d, then decoding alone and running the pipeline ...%n", vehicles,
                    width, height);
            out.flush();
            java.util.List<EdgeBenchmark.Result> results = new EdgeBenchmark(width, height, vehicles, backgrounds, views, formats)
                    .run(java.util.List.of(1, 2));
            out.printf("%n%-47s %7s %8s %9s %9s %9s %9s %6s %13s %11s%n", "", "frames", "fps", "decode ms", "detect ms",
                    "read ms", "publish ms", "reads", "vehicles read", "other reads");
            for (EdgeBenchmark.Result r : results) {
                boolean baseline = r.msPerFrame().isEmpty();
                out.printf("%-47s %7d %8.1f %9s %9s %9s %9s %6s %13s %11s%n", r.name(), r.frames(), r.fps(),
                        ms(r, "decode"), ms(r, "detect"), ms(r, "read"), ms(r, "publish"),
                        baseline ? "-" : Long.toString(r.reads()),
                        baseline ? "-" : r.vehiclesRead() + " of " + vehicles,
                        baseline ? "-" : Long.toString(r.otherReads()));
            }
            out.println("vehicles read: a published read has the vehicle's plate exactly; other reads: a published"
                    + " read's text is no vehicle's plate");
            out.printf("OMP_NUM_THREADS=%s, %d cores visible%n", System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)"),
                    Runtime.getRuntime().availableProcessors());
            out.flush();
            return 0;
        }

        private static String ms(EdgeBenchmark.Result r, String stage) {
            Double v = r.msPerFrame().get(stage);
            return v == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", v);
        }
    }
}
