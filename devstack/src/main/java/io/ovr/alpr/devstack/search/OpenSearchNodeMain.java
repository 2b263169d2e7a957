package io.ovr.alpr.devstack.search;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Entry point of the child JVM that runs an embedded OpenSearch node for
 * {@link io.ovr.alpr.devstack.EmbeddedOpenSearch}: {@code <basePath> <httpPort> <clusterName>}.
 * Prints {@value #READY} once the node has started and runs until its standard input closes
 * (the parent closed it, or died).
 */
public final class OpenSearchNodeMain {

    /** The line printed when the node answers. */
    public static final String READY = "ALPR-OPENSEARCH-READY";

    private OpenSearchNodeMain() {
    }

    /**
     * Plain console logging at WARN: the runner's own configuration needs OpenSearch's log4j
     * plugins, which a shaded jar (the {@code alpr} fat jar) does not register.
     */
    private static final String LOG4J2 = String.join("\n",
            "status = error",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%c{1.}] %m%n",
            "rootLogger.level = warn",
            "rootLogger.appenderRef.console.ref = console", "");

    public static void main(String[] args) throws IOException {
        // OpenSearch redirects System.out into its logging: keep the real standard output for READY
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String basePath = args[0];
        int httpPort = Integer.parseInt(args[1]);
        String clusterName = args[2];
        Path config = Path.of(basePath, "node_1", "config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("log4j2.properties"), LOG4J2);
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1); // take the given port, whatever its number
        runner.onBuild((number, settings) -> settings
                .put("http.host", "127.0.0.1")
                .put("transport.host", "127.0.0.1")
                .put("discovery.type", "single-node")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", true)
                .put("indices.breaker.total.use_real_memory", false)
                .put("indices.id_field_data.enabled", true));
        runner.build(new OpenSearchRunner.Configs().basePath(basePath).numOfNode(1).baseHttpPort(httpPort - 1)
                .clusterName(clusterName).printOnFailure());
        stdout.println(READY);
        InputStream in = System.in;
        while (in.read() >= 0) {
            // the parent keeps standard input open while it wants the node
        }
        runner.close();
        System.exit(0);
    }
}
