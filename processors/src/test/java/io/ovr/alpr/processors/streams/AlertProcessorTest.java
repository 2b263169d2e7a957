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

/** Hotlist alerts and rule hits raised by the alert processor, with real in-memory stores. */
class AlertProcessorTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private final MockProcessorContext<String, Alert> context = new MockProcessorContext<>();
    private final PipelineCounters counters = new PipelineCounters();
    private final HotlistIndex index = new HotlistIndex(1);

    @Test
    void shouldForwardRuleHitsKeyedByTheirCooldownKeyAndHotlistAlertsByPlate() throws IOException {
        AlertProcessor processor = processor("""
                rules:
                  - name: gate
                    conditions: [{field: confidence, operator: greater_than, value: 0.5}]
                    cooldown: 2m
                    cooldown_key: camera_id
                """);
        index.put(HotlistEntry.newBuilder().setPlate("AAA1111").setReason("stolen").setPriority(4).build());

        process(processor, event("e1", "cam-1", "AAA1111", 0));

        assertThat(context.forwarded().stream().map(f -> (String) f.record().key()).toList())
                .containsExactly("AAA1111", "gate|cam-1");
        assertThat(alerts()).extracting(Alert::getKind).containsExactly(AlertProcessor.HOTLIST_KIND,
                AlertProcessor.RULE_KIND);
    }

    @Test
    void shouldNotRaiseTheSameRuleHitTwiceForAnUpdateOfThePass() throws IOException {
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
        var fired = Stores.windowStoreBuilder(Stores.inMemoryWindowStore(AlertProcessor.DEDUPE_STORE,
                Duration.ofHours(6), Duration.ofMillis(1), false), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        fired.init(context.getStateStoreContext(), fired);
        context.addStateStore(fired);
        var hotlist = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(HotlistStoreUpdater.STORE),
                Serdes.String(), AvroBinarySerde.of(HotlistEntry.class)).withLoggingDisabled().build();
        hotlist.init(context.getStateStoreContext(), hotlist);
        context.addStateStore(hotlist);
        AlertProcessor processor = new AlertProcessor(index, rules, Clock.fixed(T0, ZoneOffset.UTC), counters);
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
