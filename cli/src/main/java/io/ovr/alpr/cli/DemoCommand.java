package io.ovr.alpr.cli;

import io.ovr.alpr.cli.demo.DemoStack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alpr demo}: the whole system embedded in one JVM on loopback for a newcomer (see
 * {@link DemoStack}), with live counters once a second until Ctrl-C or the end of
 * {@code --duration}. A second run on the same data directory resumes with the same topics,
 * records, rows, documents and images.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline embedded in one JVM on loopback, with the web console (Ctrl-C stops it).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "${env:ALPR_DATA_DIR:-.alpr/demo}",
            description = "Where the demo keeps its state between runs (env ALPR_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--duration", converter = DurationConverter.class, defaultValue = "${env:ALPR_DEMO_DURATION}",
            description = "Stop after this long, e.g. 30s or 5m; runs until Ctrl-C when absent (env ALPR_DEMO_DURATION).")
    Duration duration;

    @Option(names = "--broker-port", defaultValue = "${env:ALPR_DEMO_BROKER_PORT:-0}",
            description = "Kafka client port, 0 for a free one (env ALPR_DEMO_BROKER_PORT, default ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--registry-port", defaultValue = "${env:ALPR_DEMO_REGISTRY_PORT:-0}",
            description = "Schema Registry port, 0 for a free one (env ALPR_DEMO_REGISTRY_PORT, default ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--api-port", defaultValue = "${env:ALPR_DEMO_API_PORT:-8000}",
            description = "Port of the API and web console, 0 for a free one (env ALPR_DEMO_API_PORT, default ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--postgres-url", defaultValue = "${env:ALPR_DEMO_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}",
            description = "PostgreSQL to use when it answers (else an embedded one in the data directory) (env"
                    + " ALPR_DEMO_POSTGRES_URL, default ${DEFAULT-VALUE}).")
    String postgresUrl;

    @Option(names = "--database", defaultValue = "${env:ALPR_DEMO_DATABASE:-alpr_demo}",
            description = "Database of the demo on that server (env ALPR_DEMO_DATABASE, default ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--edge-fps", defaultValue = "${env:ALPR_DEMO_EDGE_FPS:-8}",
            description = "Frames per second edge capture takes from the sample video (env ALPR_DEMO_EDGE_FPS,"
                    + " default ${DEFAULT-VALUE}).")
    double edgeFps;

    @Option(names = "--vehicles", defaultValue = "${env:ALPR_DEMO_VEHICLES:-6}",
            description = "Vehicles in the sample video (env ALPR_DEMO_VEHICLES, default ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--quiet", defaultValue = "${env:ALPR_DEMO_QUIET:-false}",
            description = "No counter lines, only start-up and shutdown (env ALPR_DEMO_QUIET).")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DemoStack.Config config = new DemoStack.Config(dataDir, brokerPort, registryPort, apiPort, postgresUrl,
                database, edgeFps, vehicles);
        try (DemoStack stack = DemoStack.start(config, out)) {
            printSummary(out, stack);
            long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                long left = Math.min(1_000, (end - System.nanoTime()) / 1_000_000);
                stack.lifecycle().awaitStop(Optional.of(Duration.ofMillis(Math.max(1, left))));
                if (stack.lifecycle().stopRequested()) {
                    break;
                }
                if (!quiet) {
                    out.println(stack.counts().line());
                    out.flush();
                }
            }
            out.println("stopping ... (" + stack.counts().line() + ")");
            out.flush();
        }
        out.println("stopped cleanly");
        out.flush();
        return 0;
    }

    private void printSummary(PrintWriter out, DemoStack stack) {
        String console = stack.apiUrl() + "/console#key=" + stack.adminKey();
        out.println();
        out.println("OVR-ALPR demo is running (data in " + dataDir.toAbsolutePath() + ")");
        out.println("  Web console              " + console);
        out.println("  API key (admin)          " + stack.adminKey() + "   (new each run; send as X-API-Key)");
        out.println("  API docs                 " + stack.apiUrl() + "/docs");
        out.println("  Metrics                  " + stack.apiUrl() + "/metrics");
        out.println("  Kafka bootstrap servers  " + stack.bootstrapServers());
        out.println("  Schema Registry          " + stack.registryUrl() + "   (try: curl " + stack.registryUrl()
                + "/subjects)");
        out.println("  OpenSearch               " + stack.searchUrl());
        out.println("  S3 (images)              " + stack.s3Endpoint());
        out.println("  PostgreSQL               " + stack.jdbcUrl().replaceAll("password=[^&]*", "password=***"));
        out.println("  Alert webhook receiver   " + stack.webhook().url());
        out.println("  Hotlist (from the video) " + String.join(" ", stack.hotlistPlates()));
        out.println(duration == null ? "Ctrl-C stops everything." : "Stopping in " + duration.toSeconds() + " s.");
        out.flush();
    }
}
