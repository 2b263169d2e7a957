package io.ovr.alpr.cli.streams;

import io.ovr.alpr.cli.options.TopologyOptions;
import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import io.ovr.alpr.topology.AlprTopology;
import io.ovr.alpr.topology.describe.TopologyDiagram;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alpr describe}: the topology, without connecting to anything. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Print the topology as text, a Mermaid flowchart or a Graphviz dot graph.")
public final class DescribeCommand implements Callable<Integer> {

    @Mixin
    TopologyOptions topology;

    @Option(names = "--format", defaultValue = "${env:ALPR_DESCRIBE_FORMAT:-text}",
            description = "text, mermaid or dot (env ALPR_DESCRIBE_FORMAT, default ${DEFAULT-VALUE}).")
    TopologyDiagram.Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AlprTopics topics = new AlprTopics(TopicsConfig.defaults(),
                new RestSchemaRegistryClient(RegistryClientConfig.of("http://127.0.0.1:9")), SerdeOptions.values());
        var description = AlprTopology.build(topology.config(), topics, new PipelineCounters()).describe();
        spec.commandLine().getOut().print(TopologyDiagram.render(description, format));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
