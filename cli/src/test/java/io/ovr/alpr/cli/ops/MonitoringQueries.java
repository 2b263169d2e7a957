package io.ovr.alpr.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PromQL of the Grafana dashboards ({@code grafana/dashboards/*.json}, Prometheus targets
 * only) and of the alert rules ({@code prometheus/rules/*.yml}), with where each comes from.
 */
final class MonitoringQueries {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MonitoringQueries() {
    }

    /** PromQL expression -> "file: panel or alert" (the first place it appears). */
    static Map<String, String> all() throws IOException {
        Map<String, String> exprs = new LinkedHashMap<>();
        for (Path file : OpsTools.files(OpsTools.ROOT.resolve("grafana/dashboards"), ".json")) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            for (JsonNode panel : panels(dashboard)) {
                String panelType = panel.path("datasource").path("type").asText("prometheus");
                for (JsonNode target : panel.path("targets")) {
                    String type = target.path("datasource").path("type").asText(panelType);
                    if ("prometheus".equals(type) && target.hasNonNull("expr")) {
                        exprs.putIfAbsent(target.get("expr").asText(), file.getFileName() + ": panel \""
                                + panel.path("title").asText() + "\"");
                    }
                }
            }
        }
        for (Path file : OpsTools.files(OpsTools.ROOT.resolve("prometheus/rules"), ".yml")) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    exprs.putIfAbsent(rule.path("expr").asText(), file.getFileName() + ": "
                            + rule.path("alert").asText(rule.path("record").asText()));
                }
            }
        }
        return exprs;
    }

    /** Metric name -> where it is used. */
    static Map<String, Set<String>> metricNames() throws IOException {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        all().forEach((expr, where) -> PromQl.metricNames(expr)
                .forEach(name -> names.computeIfAbsent(name, n -> new TreeSet<>()).add(where)));
        return names;
    }

    /** Every panel, including those nested in collapsed rows. */
    static Iterable<JsonNode> panels(JsonNode dashboard) {
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }
}
