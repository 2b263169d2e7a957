package io.ovr.alpr.processors.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.processors.hotlist.HotlistIndex;
import io.ovr.alpr.processors.rules.RuleSet;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.HotlistEntry;
import io.ovr.alpr.schema.PlateEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** Rule alerts and their cooldowns in the alert processor, with real in-memory stores. */
class AlertProcessorTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private final MockProcessorContext<String, Alert> context = new MockProcessorContext<>();
    private final PipelineCounters counters = new PipelineCounters();

    @Test
    void shouldHoldTheCooldownPerValueOfTheChosenField() throws IOException {
        AlertProcessor processor = processor("""
                rules:
                  - name: gate
                    conditions: [{field: confidence, operator: greater_than, value: 0.5}]
                    cooldown: 2m
                    cooldown_key: camera_id
                """);

        process(processor, event("e1", "cam-1", "AAA1111", 0));
        process(processor, event("e2", "cam-1", "BBB2222", 60));
        process(processor, event("e3", "cam-2", "CCC3333", 60));
        process(processor, event("e4", "cam-1", "DDD4444", 121));

        assertThat(alerts()).extracting(Alert::getEventId).containsExactly("e1", "e3", "e4");
        assertThat(counters.ruleAlerts.sum()).isEqualTo(3);
    }

    @Test
    void shouldNotFireAgainForAnUpdateOfTheSamePassWithoutCooldown() throws IOException {
        AlertProcessor processor = processor("""
                rules:
                  - name: any-read
                    conditions: [{field: confidence, operator: greater_than, value: 0.5}]
                """);

        process(processor, event("e1", "cam-1", "AAA1111", 0));
        process(processor, event("e1", "cam-1", "AAA1111", 2));
        process(processor, event("e2", "cam-1", "AAA1111", 30));

        assertThat(alerts()).extracting(Alert::getEventId).containsExactly("e1", "e2");
    }

    @Test
    void shouldStampAlertsWithRulePriorityAndADeterministicId() throws IOException {
        AlertProcessor processor = processor("""
                rules:
                  - name: urgent
                    priority: 5
                    conditions: [{field: normalized, operator: equals, value: aaa1111}]
                    message: Look
                """);

        process(processor, event("e1", "cam-1", "AAA1111", 0));

        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.getKind()).isEqualTo("RULE");
            assertThat(a.getPriority()).isEqualTo(5);
            assertThat(a.getReason()).isEqualTo("Look");
            assertThat(a.getAlertId()).isEqualTo(java.util.UUID.nameUUIDFromBytes(
                    "e1|rule:urgent".getBytes(StandardCharsets.UTF_8)).toString());
        });
    }

    private AlertProcessor processor(String rulesYaml) throws IOException {
        RuleSet rules = RuleSet.fromYaml(new ByteArrayInputStream(rulesYaml.getBytes(StandardCharsets.UTF_8)));
        for (String name : List.of(AlertProcessor.DEDUPE_STORE, AlertProcessor.COOLDOWN_STORE)) {
            var store = Stores.windowStoreBuilder(Stores.inMemoryWindowStore(name, Duration.ofHours(6),
                    Duration.ofMillis(1), false), Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        var hotlist = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(HotlistStoreUpdater.STORE),
                Serdes.String(), AvroBinarySerde.of(HotlistEntry.class)).withLoggingDisabled().build();
        hotlist.init(context.getStateStoreContext(), hotlist);
        context.addStateStore(hotlist);
        AlertProcessor processor = new AlertProcessor(new HotlistIndex(1), rules, Clock.fixed(T0, ZoneOffset.UTC),
                counters);
        processor.init(context);
        return processor;
    }

    private static void process(AlertProcessor processor, PlateEvent event) {
        processor.process(new Record<>(event.getNormalized(), event, event.getLastSeen().toEpochMilli()));
    }

    private List<Alert> alerts() {
        return context.forwarded().stream().map(f -> (Alert) f.record().value()).toList();
    }

    private static PlateEvent event(String eventId, String camera, String plate, long seconds) {
        Instant at = T0.plusSeconds(seconds);
        return PlateEvent.newBuilder().setEventId(eventId).setReadId("r" + seconds).setCameraId(camera)
                .setCapturedAt(eventId.equals("e1") ? T0 : at).setPlateText(plate).setNormalized(plate)
                .setFolded(plate).setConfidence(0.9f).setFirstSeen(at).setLastSeen(at).build();
    }
}
