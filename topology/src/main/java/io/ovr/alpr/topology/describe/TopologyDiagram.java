package io.ovr.alpr.topology.describe;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.streams.TopologyDescription;

/** The topology as Kafka's text, a Mermaid flowchart, or a Graphviz dot graph. */
public final class TopologyDiagram {

    /** Output formats of {@code alpr describe}. */
    public enum Format { TEXT, MERMAID, DOT }

    private TopologyDiagram() {
    }

    public static String render(TopologyDescription description, Format format) {
        return switch (format) {
            case TEXT -> description.toString();
            case MERMAID -> mermaid(description);
            case DOT -> dot(description);
        };
    }

    private static String mermaid(TopologyDescription description) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (String edge : edges(description)) {
            String[] parts = edge.split("\u0000");
            out.append("  ").append(id(parts[0])).append(label(parts[0])).append(" --> ").append(id(parts[1]))
                    .append(label(parts[1])).append('\n');
        }
        return out.toString();
    }

    private static String dot(TopologyDescription description) {
        StringBuilder out = new StringBuilder("digraph alpr {\n  rankdir=LR;\n");
        for (String edge : edges(description)) {
            String[] parts = edge.split("\u0000");
            out.append("  \"").append(parts[0]).append("\" -> \"").append(parts[1]).append("\";\n");
        }
        return out.append("}\n").toString();
    }

    /** Edges topic -> source -> processors -> sink -> topic, and processor -> store, as "from\0to". */
    private static Set<String> edges(TopologyDescription description) {
        Set<String> edges = new LinkedHashSet<>();
        description.subtopologies().stream().sorted(Comparator.comparingInt(TopologyDescription.Subtopology::id))
                .forEach(sub -> sub.nodes().stream().sorted(Comparator.comparing(TopologyDescription.Node::name))
                        .forEach(node -> addEdges(node, edges)));
        for (TopologyDescription.GlobalStore global : description.globalStores()) {
            addEdges(global.source(), edges);
            edges.add(global.processor().name() + "\u0000store:" + String.join(",", global.processor().stores()));
        }
        return edges;
    }

    private static void addEdges(TopologyDescription.Node node, Set<String> edges) {
        if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
            source.topicSet().forEach(t -> edges.add("topic:" + t + "\u0000" + node.name()));
        }
        node.successors().forEach(next -> edges.add(node.name() + "\u0000" + next.name()));
        if (node instanceof TopologyDescription.Processor processor) {
            processor.stores().forEach(s -> edges.add(node.name() + "\u0000store:" + s));
        }
        if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
            edges.add(node.name() + "\u0000topic:" + sink.topic());
        }
    }

    private static String id(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
    }

    private static String label(String name) {
        if (name.startsWith("topic:")) {
            return "[(" + name.substring(6) + ")]";
        }
        if (name.startsWith("store:")) {
            return "[[" + name.substring(6) + "]]";
        }
        return "[" + name + "]";
    }
}
