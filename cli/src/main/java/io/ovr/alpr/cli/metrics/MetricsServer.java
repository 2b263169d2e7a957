package io.ovr.alpr.cli.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ovr.alpr.api.ops.ApiMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /metrics} endpoint of a role without an HTTP API of its own (sinks, edge): a
 * {@link PrometheusMeterRegistry} (Micrometer on Prometheus client_java 1.x) with the JVM binders
 * the streams role's API also binds, served in the Prometheus text format by the JDK's HTTP
 * server, with {@code /health} (200 while the process serves) for container health checks. The
 * role registers its own meters and its Kafka clients' metrics on {@link #registry()}.
 */
public final class MetricsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alpr-metrics-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpServer server;

    private MetricsServer(InetSocketAddress address) throws IOException {
        ApiMetrics.bindJvm(registry, gc);
        server = HttpServer.create(address, 16);
        server.createContext("/metrics", this::scrape);
        server.createContext("/health", exchange -> respond(exchange, 200, "text/plain; charset=utf-8", "ok\n"));
        server.setExecutor(executor);
    }

    /** Starts serving on {@code bind:port} ({@code port} 0 picks a free one). */
    public static MetricsServer start(String bind, int port) throws IOException {
        MetricsServer metrics = new MetricsServer(new InetSocketAddress(bind, port));
        metrics.server.start();
        LOG.info("metrics on http://{}:{}/metrics", bind, metrics.port());
        return metrics;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void scrape(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "text/plain; charset=utf-8", "GET only\n");
            return;
        }
        respond(exchange, 200, TEXT_FORMAT, registry.scrape());
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", type);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        gc.close();
        registry.close();
    }

    @Override
    public String toString() {
        return "metrics server on port " + port();
    }
}
