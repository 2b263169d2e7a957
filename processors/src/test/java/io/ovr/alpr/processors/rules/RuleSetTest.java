package io.ovr.alpr.processors.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovr.alpr.schema.PlateEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    private static final Instant AT = Instant.parse("2026-11-24T23:30:00Z");

    @Test
    void shouldEvaluateEveryOperator() throws IOException {
        RuleSet rules = parse("""
                rules:
                  - {name: eq, conditions: [{field: site, operator: equals, value: CAMPUS}]}
                  - {name: contains, conditions: [{field: normalized, operator: contains, value: c12}]}
                  - {name: regex, conditions: [{field: normalized, operator: regex, value: "[A-Z]{3}[0-9]{4}"}]}
                  - {name: in, conditions: [{field: vehicle_color, operator: in_list, value: [red, white]}]}
                  - {name: gt, conditions: [{field: confidence, operator: greater_than, value: 0.8}]}
                  - {name: lt, conditions: [{field: read_count, operator: less_than, value: 2}]}
                  - {name: miss, conditions: [{field: confidence, operator: less_than, value: 0.1}]}
                """);

        assertThat(names(rules.matching(event("ABC1234", "campus", 0.9f)))).containsExactly("eq", "contains", "regex",
                "in", "gt", "lt");
    }

    @Test
    void shouldCombineConditionsWithAllOrAny() throws IOException {
        RuleSet rules = parse("""
                rules:
                  - name: all
                    conditions: [{field: site, operator: equals, value: campus}, {field: confidence, operator: greater_than, value: 0.95}]
                  - name: any
                    match: any
                    conditions: [{field: site, operator: equals, value: campus}, {field: confidence, operator: greater_than, value: 0.95}]
                """);

        assertThat(names(rules.matching(event("ABC1234", "campus", 0.9f)))).containsExactly("any");
    }

    @Test
    void shouldFilterByCameraSiteAndTimeWindowAcrossMidnight() throws IOException {
        RuleSet rules = parse("""
                rules:
                  - {name: night, time_window: {from: "22:00", to: "06:00", zone: UTC}, conditions: []}
                  - {name: day, time_window: {from: "06:00", to: "22:00", zone: UTC}, conditions: []}
                  - {name: other-camera, cameras: [cam-9], conditions: []}
                  - {name: this-site, sites: [campus], conditions: []}
                  - {name: disabled, enabled: false, conditions: []}
                """);

        assertThat(names(rules.matching(event("ABC1234", "campus", 0.9f)))).containsExactly("night", "this-site");
    }

    @Test
    void shouldReadCooldownAndKey() throws IOException {
        RuleSet rules = parse("""
                rules:
                  - {name: c, cooldown: 10m, cooldown_key: camera_id, conditions: []}
                """);

        assertThat(rules.rules().get(0).cooldown()).isEqualTo(Duration.ofMinutes(10));
        assertThat(rules.rules().get(0).cooldownKey(event("ABC1234", "campus", 0.9f))).isEqualTo("c|cam-1");
        assertThat(rules.longestCooldown()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void shouldRejectUnknownFieldsAndOperators() {
        assertThatThrownBy(() -> parse("rules: [{name: x, conditions: [{field: nope, operator: equals, value: 1}]}]"))
                .hasMessageContaining("unknown event field 'nope'");
        assertThatThrownBy(() -> parse("rules: [{name: x, conditions: [{field: site, operator: like, value: 1}]}]"))
                .hasMessageContaining("unknown operator 'like'");
    }

    private static List<String> names(List<AlertRule> rules) {
        return rules.stream().map(AlertRule::name).toList();
    }

    private static RuleSet parse(String yaml) throws IOException {
        return RuleSet.fromYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static PlateEvent event(String plate, String site, float confidence) {
        return PlateEvent.newBuilder().setEventId("e").setReadId("r").setCameraId("cam-1").setCapturedAt(AT)
                .setPlateText(plate).setNormalized(plate).setFolded(plate).setConfidence(confidence).setSite(site)
                .setVehicleColor("White").setReadCount(1).setFirstSeen(AT).setLastSeen(AT).build();
    }
}
