package io.ovr.alpr.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import io.ovr.alpr.topology.describe.TopologyDiagram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Pins the shape of the topology: a change of a processor, store or topic name breaks rolling
 * upgrades, so it must show up here. Update {@code topology-description.txt} deliberately.
 */
class TopologyDescriptionTest {

    static TopologyDescription describe() {
        AlprTopics topics = new AlprTopics(TopicsConfig.defaults(),
                new RestSchemaRegistryClient(RegistryClientConfig.of("http://127.0.0.1:9")), SerdeOptions.values());
        return AlprTopology.build(TopologyConfig.defaults(), topics, new PipelineCounters()).describe();
    }

    @Test
    void shouldMatchThePinnedDescription() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/topology-description.txt")) {
            String pinned = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(describe().toString()).isEqualToIgnoringWhitespace(pinned);
        }
    }

    @Test
    void shouldNameEveryNodeExplicitly() {
        assertThat(describe().toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }

    @Test
    void shouldRenderMermaidAndDotWithTopicsAndStores() {
        String mermaid = TopologyDiagram.render(describe(), TopologyDiagram.Format.MERMAID);
        String dot = TopologyDiagram.render(describe(), TopologyDiagram.Format.DOT);

        assertThat(mermaid).startsWith("flowchart LR").contains("[(alpr.detections.raw)]", "[[plate-latest]]",
                "[(alpr.alerts)]");
        assertThat(dot).startsWith("digraph alpr").contains("\"topic:alpr.plates.enriched\"", "\"store:vehicle-passes\"");
    }
}
