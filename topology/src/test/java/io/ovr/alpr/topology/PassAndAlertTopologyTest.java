package io.ovr.alpr.topology;

import static io.ovr.alpr.topology.TopologyFixture.NOW;
import static io.ovr.alpr.topology.TopologyFixture.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.processors.rules.RuleSet;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.HotlistEntry;
import io.ovr.alpr.schema.PlateEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Vehicle passes, hotlist matches and rule alerts through the real topology. */
class PassAndAlertTopologyTest {

    private TopologyFixture fx = new TopologyFixture(TopologyConfig.defaults());

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldEmitFirstReadOfAPassAtOnceAndUpdateOnlyOnHigherConfidence() {
        fx.send(read("cam-1", "ABC1234", 0.7f, NOW));
        fx.send(read("cam-1", "A8C1234", 0.6f, NOW.plusSeconds(2)));
        fx.send(read("cam-1", "ABC1234", 0.95f, NOW.plusSeconds(4)));

        List<PlateEvent> events = fx.enrichedValues();

        assertThat(events).hasSize(2);
        assertThat(events).extracting(PlateEvent::getEventId).containsOnly("event-1");
        PlateEvent update = events.get(1);
        assertThat(update.getReadCount()).isEqualTo(3);
        assertThat(update.getConfidence()).isEqualTo(0.95f);
        assertThat(update.getLastSeen()).isEqualTo(NOW.plusSeconds(4));
        assertThat(update.getCapturedAt()).isEqualTo(NOW);
        assertThat(fx.counters.suppressed.sum()).isEqualTo(1);
    }

    @Test
    void shouldOpenANewPassWhenTheGapReachesTheWindow() {
        fx.send(read("cam-1", "ABC1234", 0.9f, NOW));
        fx.send(read("cam-1", "ABC1234", 0.9f, NOW.plusMillis(9_999)));
        fx.send(read("cam-1", "ABC1234", 0.9f, NOW.plusMillis(9_999 + 10_000)));

        assertThat(fx.enrichedValues()).extracting(PlateEvent::getEventId).containsExactly("event-1", "event-2");
    }

    @Test
    void shouldUseThePerCameraWindow() {
        fx.cameras.pipeInput("cam-2", Camera.newBuilder().setCameraId("cam-2").setName("Lot")
                .setPassWindowMs(60_000L).build(), NOW);
        fx.send(read("cam-2", "ABC1234", 0.9f, NOW));
        fx.send(read("cam-2", "ABC1234", 0.9f, NOW.plusSeconds(30)));

        assertThat(fx.enrichedValues()).hasSize(1);
    }

    @Test
    void shouldKeepPassesOfDifferentCamerasApart() {
        fx.send(read("cam-1", "ABC1234", 0.9f, NOW));
        fx.send(read("cam-2", "ABC1234", 0.9f, NOW.plusSeconds(1)));

        assertThat(fx.enrichedValues()).extracting(PlateEvent::getEventId).containsExactly("event-1", "event-2");
    }

    @Test
    void shouldAlertOnExactFoldedAndEditDistanceHotlistMatches() {
        hotlist("ABC1234", null);
        hotlist("XYZ0OO1", null);
        hotlist("KLM5678", null);

        fx.send(read("cam-1", "ABC1234", 0.9f, NOW));
        fx.send(read("cam-1", "XYZOO01", 0.9f, NOW));
        fx.send(read("cam-1", "KLM5679", 0.9f, NOW));
        fx.send(read("cam-1", "QQQ9999", 0.9f, NOW));

        List<Alert> alerts = fx.alerts.readValuesToList();
        assertThat(alerts).extracting(Alert::getMatchKind).containsExactly("EXACT", "FOLDED", "EDIT_DISTANCE");
        assertThat(alerts).extracting(Alert::getMatchedPlate).containsExactly("ABC1234", "XYZ0OO1", "KLM5678");
        assertThat(alerts.get(2).getEditDistance()).isEqualTo(1);
        assertThat(alerts.get(0).getEvent().getNormalized()).isEqualTo("ABC1234");
    }

    @Test
    void shouldNeverMatchExpiredOrTombstonedEntries() {
        hotlist("OLD1234", NOW.minusSeconds(1));
        hotlist("DEL1234", null);
        fx.hotlist.pipeInput("DEL1234", null, NOW);

        fx.send(read("cam-1", "OLD1234", 0.9f, NOW));
        fx.send(read("cam-1", "DEL1234", 0.9f, NOW));

        assertThat(fx.alerts.isEmpty()).isTrue();
        assertThat(fx.enrichedValues()).hasSize(2);
    }

    @Test
    void shouldNotAlertTwiceForAPassUpdate() {
        hotlist("ABC1234", null);

        fx.send(read("cam-1", "ABC1234", 0.7f, NOW));
        fx.send(read("cam-1", "ABC1234", 0.9f, NOW.plusSeconds(1)));

        assertThat(fx.enrichedValues()).hasSize(2);
        assertThat(fx.alerts.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldFireARuleOncePerCooldown() throws IOException {
        fx.close();
        fx = new TopologyFixture(TopologyConfig.defaults().withRules(RuleSet.fromYaml(new ByteArrayInputStream("""
                rules:
                  - name: mercosur-plate
                    priority: 2
                    conditions:
                      - {field: normalized, operator: regex, value: "[A-Z]{3}[0-9][A-Z][0-9]{2}"}
                    cooldown: 2m
                    cooldown_key: normalized
                    message: Mercosur plate seen
                """.getBytes(StandardCharsets.UTF_8)))));

        fx.send(read("cam-1", "ABC1D23", 0.9f, NOW));
        fx.send(read("cam-2", "ABC1D23", 0.9f, NOW.plusSeconds(60)));
        fx.send(read("cam-1", "ABC1D23", 0.9f, NOW.plusSeconds(200)));
        fx.send(read("cam-1", "ABC1234", 0.9f, NOW.plusSeconds(200)));

        List<Alert> alerts = fx.alerts.readValuesToList();
        assertThat(alerts).extracting(Alert::getRuleName).containsExactly("mercosur-plate", "mercosur-plate");
        assertThat(alerts).extracting(a -> a.getEvent().getCapturedAt())
                .containsExactly(NOW, NOW.plusSeconds(200));
        assertThat(alerts.get(0).getKind()).isEqualTo("RULE");
        assertThat(alerts.get(0).getReason()).isEqualTo("Mercosur plate seen");
    }

    @Test
    void shouldHoldACooldownKeyedByCameraAcrossPlates() throws IOException {
        fx.close();
        fx = new TopologyFixture(TopologyConfig.defaults().withRules(RuleSet.fromYaml(new ByteArrayInputStream("""
                rules:
                  - name: gate-busy
                    conditions:
                      - {field: confidence, operator: greater_than, value: 0.5}
                    cooldown: 1m
                    cooldown_key: camera_id
                """.getBytes(StandardCharsets.UTF_8)))));

        fx.send(read("cam-1", "AAA1111", 0.9f, NOW));
        fx.send(read("cam-1", "BBB2222", 0.9f, NOW.plusSeconds(30)));
        fx.send(read("cam-2", "CCC3333", 0.9f, NOW.plusSeconds(30)));
        fx.send(read("cam-1", "DDD4444", 0.9f, NOW.plusSeconds(61)));

        List<Alert> alerts = fx.alerts.readValuesToList();
        assertThat(alerts).extracting(Alert::getPlate).containsExactly("AAA1111", "CCC3333", "DDD4444");
        assertThat(fx.counters.ruleCooldownHolds.sum()).isEqualTo(1);
    }

    private void hotlist(String plate, Instant expiresAt) {
        fx.hotlist.pipeInput(plate, HotlistEntry.newBuilder().setPlate(plate).setReason("stolen").setPriority(4)
                .setExpiresAt(expiresAt).build(), NOW.minusSeconds(10));
    }
}
