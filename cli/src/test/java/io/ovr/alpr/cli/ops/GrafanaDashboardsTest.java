package io.ovr.alpr.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards: type-checked against Grafana's own schema ({@code @grafana/schema} and
 * TypeScript, installed by {@code npm ci} from {@code grafana/check/package-lock.json} in this
 * module's build), and consistent with the provisioned data sources.
 */
class GrafanaDashboardsTest {

    @Test
    void shouldMatchGrafanasDashboardSchema() throws Exception {
        OpsTools.Result result = OpsTools.run("node", "grafana/check/check-dashboards.mjs");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("4 dashboards match @grafana/schema");
    }

    @Test
    void shouldReferenceOnlyProvisionedDataSources() throws Exception {
        Set<String> provisioned = new TreeSet<>();
        MonitoringQueries.YAML.readTree(OpsTools.ROOT.resolve("grafana/provisioning/datasources/datasources.yml")
                .toFile()).path("datasources").forEach(ds -> provisioned.add(ds.path("uid").asText()));
        Set<String> referenced = new TreeSet<>();

        for (Path file : OpsTools.files(OpsTools.ROOT.resolve("grafana/dashboards"), ".json")) {
            for (JsonNode panel : MonitoringQueries.panels(MonitoringQueries.JSON.readTree(file.toFile()))) {
                if (panel.has("datasource")) {
                    referenced.add(panel.path("datasource").path("uid").asText());
                }
                panel.path("targets").forEach(t -> referenced.add(t.path("datasource").path("uid").asText()));
            }
        }

        assertThat(provisioned).containsExactlyInAnyOrder("prometheus", "timescaledb", "loki");
        assertThat(provisioned).containsAll(referenced);
    }

    @Test
    void shouldGiveEveryDashboardAUniqueUidAndEveryPanelAUniqueId() throws Exception {
        Set<String> uids = new HashSet<>();
        for (Path file : OpsTools.files(OpsTools.ROOT.resolve("grafana/dashboards"), ".json")) {
            JsonNode dashboard = MonitoringQueries.JSON.readTree(file.toFile());
            assertThat(uids.add(dashboard.path("uid").asText())).as(file + " uid").isTrue();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : MonitoringQueries.panels(dashboard)) {
                assertThat(ids.add(panel.path("id").asInt())).as(file + " panel id " + panel.path("id")).isTrue();
            }
        }
        assertThat(uids).containsExactlyInAnyOrder("alpr-overview", "alpr-pipeline-health", "alpr-edge",
                "alpr-streams-internals");
    }
}
