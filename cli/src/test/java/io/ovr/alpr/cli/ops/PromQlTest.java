package io.ovr.alpr.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The metric names RoleMetricsTest looks for in the dashboards' and rules' PromQL. */
class PromQlTest {

    @Test
    void shouldFindTheMetricsOfAnAggregationAndIgnoreFunctionsLabelsAndGrouping() {
        assertThat(PromQl.metricNames("1000 * sum by (stage) (rate(alpr_edge_stage_seconds_sum{job=\"alpr-edge\"}[5m]))"
                + " / sum by (stage) (rate(alpr_edge_stage_seconds_count[$__rate_interval]))"))
                .containsExactlyInAnyOrder("alpr_edge_stage_seconds_sum", "alpr_edge_stage_seconds_count");
    }

    @Test
    void shouldFindBothSidesOfABinaryOperatorAndSkipNumbersAndKeywords() {
        assertThat(PromQl.metricNames("sum by (consumergroup) (kafka_consumergroup_lag) > 1000 and sum by"
                + " (consumergroup) (delta(kafka_consumergroup_lag[10m])) > 0 or vector(1e-9) unless up == bool 0"))
                .containsExactlyInAnyOrder("kafka_consumergroup_lag", "up");
    }

    @Test
    void shouldNotTakeLabelValuesOrStringsForMetrics() {
        assertThat(PromQl.metricNames("max by (sink) (alpr_sink_batch_latency_seconds{quantile=\"0.99\", sink=~'a|b'})"
                + " + on(instance) group_left(role) up{job=~\"alpr-.*\"}"))
                .containsExactlyInAnyOrder("alpr_sink_batch_latency_seconds", "up");
    }
}
