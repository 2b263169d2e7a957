package io.ovr.alpr.processors.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.processors.rules.RuleSet;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.PlateEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** Rule cooldowns, held per cooldown key in event time, with a real in-memory store. */
class RuleCooldownProcessorTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private final MockProcessorContext<String, Alert> context = new MockProcessorContext<>();
    private final PipelineCounters counters = new PipelineCounters();

    @Test
    void shouldHoldTheCooldownPerValueOfTheChosenField() throws IOException {
        RuleCooldownProcessor processor = processor("""
                rules:
                  - name: gate
                    conditions: [{field: confidence, operator: greater_than, value: 0.5}]
                    cooldown: 2m
                    cooldown_key: camera_id
                """);

        hit(processor, "gate|cam-1", "AAA1111", 0);
        hit(processor, "gate|cam-1", "BBB2222", 60);
        hit(processor, "gate|cam-2", "CCC3333", 60);
        hit(processor, "gate|cam-1", "DDD4444", 121);

        assertThat(forwarded()).extracting(Alert::getPlate).containsExactly("AAA1111", "CCC3333", "DDD4444");
        assertThat(context.forwarded().stream().map(f -> (String) f.record().key()).toList())
                .containsExactly("AAA1111", "CCC3333", "DDD4444");
        assertThat(counters.ruleAlerts.sum()).isEqualTo(3);
        assertThat(counters.ruleCooldownHolds.sum()).isEqualTo(1);
    }

    @Test
    void shouldPassEveryHitOfARuleWithoutCooldown() throws IOException {
        RuleCooldownProcessor processor = processor("""
                rules:
                  - name: any-read
                    conditions: [{field: confidence, operator: greater_than, value: 0.5}]
                """);

        hit(processor, "any-read|AAA1111", "AAA1111", 0);
        hit(processor, "any-read|AAA1111", "AAA1111", 1);

        assertThat(forwarded()).hasSize(2);
    }

    private RuleCooldownProcessor processor(String rulesYaml) throws IOException {
        RuleSet rules = RuleSet.fromYaml(new ByteArrayInputStream(rulesYaml.getBytes(StandardCharsets.UTF_8)));
        var store = Stores.windowStoreBuilder(Stores.inMemoryWindowStore(RuleCooldownProcessor.STORE,
                Duration.ofHours(1), Duration.ofMillis(1), false), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        RuleCooldownProcessor processor = new RuleCooldownProcessor(rules, counters);
        processor.init(context);
        return processor;
    }

    private static void hit(RuleCooldownProcessor processor, String cooldownKey, String plate, long seconds) {
        Instant at = T0.plusSeconds(seconds);
        String rule = cooldownKey.substring(0, cooldownKey.indexOf('|'));
        PlateEvent event = PlateEvent.newBuilder().setEventId("e" + seconds).setReadId("r" + seconds)
                .setCameraId("cam").setCapturedAt(at).setPlateText(plate).setNormalized(plate).setFolded(plate)
                .setConfidence(0.9f).setFirstSeen(at).setLastSeen(at).build();
        Alert alert = Alert.newBuilder().setAlertId("a" + seconds).setEventId(event.getEventId()).setPlate(plate)
                .setCameraId("cam").setRaisedAt(at).setKind(AlertProcessor.RULE_KIND).setRuleName(rule)
                .setPriority(1).setReason("r").setEvent(event).build();
        processor.process(new Record<>(cooldownKey, alert, at.toEpochMilli()));
    }

    private List<Alert> forwarded() {
        return context.forwarded().stream().map(f -> (Alert) f.record().value()).toList();
    }
}
