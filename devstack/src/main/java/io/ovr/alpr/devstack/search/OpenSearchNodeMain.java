package io.ovr.alpr.devstack.search;

import java.io.IOException;
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

    public static void main(String[] args) throws IOException {
        String basePath = args[0];
        int httpPort = Integer.parseInt(args[1]);
        String clusterName = args[2];
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1); // take the given port, whatever its number
        runner.onBuild((number, settings) -> settings
                .put("http.host", "127.0.0.1")
                .put("transport.host", "127.0.0.1")
                .put("discovery.type", "single-node")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", true)
                .put("indices.id_field_data.enabled", true));
        runner.build(new OpenSearchRunner.Configs().basePath(basePath).numOfNode(1).baseHttpPort(httpPort - 1)
                .clusterName(clusterName).printOnFailure());
        System.out.println(READY);
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // the parent keeps standard input open while it wants the node
        }
        runner.close();
        System.exit(0);
    }
}
