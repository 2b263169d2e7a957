package io.ovr.alpr.cli.bench;

import io.ovr.alpr.devstack.PostgresServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alpr bench sink timescale|opensearch}: each sink against its raw baseline in the same run. */
@Command(name = "sink", mixinStandardHelpOptions = true, description = "Sink throughput against raw writes.",
        subcommands = {SinkBenchCommand.Timescale.class, SinkBenchCommand.OpenSearch.class})
final class SinkBenchCommand {

    /** {@code alpr bench sink timescale}. */
    @Command(name = "timescale", mixinStandardHelpOptions = true,
            description = "Timescale sink rows/s vs plain batched INSERT vs raw COPY into the same table.")
    static final class Timescale implements Callable<Integer> {

        @Option(names = "--rows", defaultValue = "${env:ALPR_BENCH_ROWS:-200000}",
                description = "Rows (distinct passes) per phase (env ALPR_BENCH_ROWS, default ${DEFAULT-VALUE}).")
        int rows;

        @Option(names = "--batch-size", defaultValue = "${env:ALPR_BENCH_BATCH_SIZE:-5000}",
                description = "Rows per batch in every phase (env ALPR_BENCH_BATCH_SIZE, default ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--rounds", defaultValue = "${env:ALPR_BENCH_ROUNDS:-3}",
                description = "Rounds of all phases; medians are reported (env ALPR_BENCH_ROUNDS, default"
                        + " ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--db-admin-url", defaultValue = "${env:ALPR_BENCH_DB_ADMIN_URL:-" + PostgresServer.DEFAULT_URL
                + "}", description = "A PostgreSQL to create the bench database on; an embedded one when it does not"
                + " answer (env ALPR_BENCH_DB_ADMIN_URL, default ${DEFAULT-VALUE}).")
        String adminUrl;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            TimescaleBenchmark.Report r = new TimescaleBenchmark(rows, batch, rounds, adminUrl, out).run();
            out.printf("%n%s; %,d rows per phase, batches of %,d, median of %d rounds%n", r.where(), rows, r.batch(),
                    rounds);
            print(out, r.copy(), r.copy());
            print(out, r.insert(), r.copy());
            print(out, r.sink(), r.copy());
            print(out, r.replay(), r.copy());
            out.printf("timescale sink / raw COPY: %.0f %% (target >= 80 %%)%n",
                    100 * r.sink().perSecond() / r.copy().perSecond());
            heap(out, r.peakHeapMb(), r.heap(), rows);
            out.flush();
            return 0;
        }
    }

    /** {@code alpr bench sink opensearch}. */
    @Command(name = "opensearch", mixinStandardHelpOptions = true,
            description = "OpenSearch sink docs/s vs raw bulk requests of the same documents.")
    static final class OpenSearch implements Callable<Integer> {

        @Option(names = "--docs", defaultValue = "${env:ALPR_BENCH_DOCS:-100000}",
                description = "Documents per phase (env ALPR_BENCH_DOCS, default ${DEFAULT-VALUE}).")
        int docs;

        @Option(names = "--batch-size", defaultValue = "${env:ALPR_BENCH_BATCH_SIZE:-2000}",
                description = "Documents per bulk request in both phases (env ALPR_BENCH_BATCH_SIZE, default"
                        + " ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--rounds", defaultValue = "${env:ALPR_BENCH_ROUNDS:-3}",
                description = "Rounds of both phases; medians are reported (env ALPR_BENCH_ROUNDS, default"
                        + " ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--opensearch-url", defaultValue = "${env:ALPR_BENCH_OPENSEARCH_URL}",
                description = "An OpenSearch to use; an embedded node when absent (env ALPR_BENCH_OPENSEARCH_URL).")
        String url;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            SearchBenchmark.Report r = new SearchBenchmark(docs, batch, rounds, url, out).run();
            out.printf("%n%s; %,d documents per phase, batches of %,d, median of %d rounds%n", r.where(), docs,
                    r.batch(), rounds);
            print(out, r.bulk(), r.bulk());
            print(out, r.sink(), r.bulk());
            out.printf("opensearch sink / raw bulk: %.0f %% (target >= 80 %%)%n",
                    100 * r.sink().perSecond() / r.bulk().perSecond());
            heap(out, r.peakHeapMb(), r.heap(), docs);
            out.flush();
            return 0;
        }
    }

    static void heap(PrintWriter out, long peakMb, TimescaleBenchmark.HeapProbe heap, int backlog) {
        out.printf("heap in use while sinking (garbage included): at most +%d MB%n", peakMb);
        out.printf("live heap while draining all %,d records: +%d MB with batches of %,d, +%d MB with batches of %,d%n",
                backlog, heap.liveMb(), heap.batch(), heap.smallLiveMb(), heap.smallBatch());
    }

    static void print(PrintWriter out, SinkBenchSupport.Result r, SinkBenchSupport.Result baseline) {
        out.printf("%-44s %,12.0f /s %8.2f s %6.0f %%%n", r.name(), r.perSecond(), r.seconds(),
                100 * r.perSecond() / baseline.perSecond());
    }
}
