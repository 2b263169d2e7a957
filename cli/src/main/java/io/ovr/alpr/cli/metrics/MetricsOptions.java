package io.ovr.alpr.cli.metrics;

import java.io.IOException;
import picocli.CommandLine.Option;

/** Where a role without its own HTTP API serves {@code /metrics} (sinks, edge). */
public final class MetricsOptions {

    @Option(names = "--metrics-port", defaultValue = "${env:ALPR_METRICS_PORT:-9404}",
            description = "Port of the Prometheus /metrics and /health endpoint; 0 picks a free one (env"
                    + " ALPR_METRICS_PORT, default ${DEFAULT-VALUE}).")
    public int port;

    @Option(names = "--metrics-bind", defaultValue = "${env:ALPR_METRICS_BIND:-0.0.0.0}",
            description = "Interface the metrics endpoint listens on (env ALPR_METRICS_BIND, default ${DEFAULT-VALUE}).")
    public String bind;

    public MetricsServer start() throws IOException {
        return MetricsServer.start(bind, port);
    }
}
