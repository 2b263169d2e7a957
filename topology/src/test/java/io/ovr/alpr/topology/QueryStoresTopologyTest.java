package io.ovr.alpr.topology;

import static io.ovr.alpr.topology.TopologyFixture.NOW;
import static io.ovr.alpr.topology.TopologyFixture.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.processors.pass.PassState;
import io.ovr.alpr.processors.streams.PassProcessor;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.HotlistEntry;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.topology.stores.QueryStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the query stores hold after reads went through the real topology, and how passes leave theirs. */
class QueryStoresTopologyTest {

    private final TopologyFixture fx = new TopologyFixture(TopologyConfig.defaults());

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldKeepTheLatestVersionOfEachPlateAndOnePassPerVehicle() {
        fx.send(read("cam-1", "ABC1234", 0.7f, NOW));
        fx.send(read("cam-1", "ABC1234", 0.9f, NOW.plusSeconds(2)));
        fx.send(read("cam-2", "ABC1234", 0.8f, NOW.plusSeconds(60)));

        KeyValueStore<String, PlateEvent> latest = fx.driver.getKeyValueStore(QueryStores.PLATE_LATEST);
        assertThat(latest.get("ABC1234").getCameraId()).isEqualTo("cam-2");
        WindowStore<String, PlateEvent> passes = fx.driver.getWindowStore(QueryStores.PLATE_PASSES);
        List<PlateEvent> found = new ArrayList<>();
        try (WindowStoreIterator<PlateEvent> it = passes.fetch("ABC1234", NOW.minusSeconds(1), NOW.plusSeconds(90))) {
            it.forEachRemaining(kv -> found.add(kv.value));
        }
        assertThat(found).extracting(PlateEvent::getEventId).containsExactly("event-1", "event-2");
        assertThat(found.get(0).getReadCount()).isEqualTo(2);
        assertThat(found.get(0).getConfidence()).isEqualTo(0.9f);
    }

    @Test
    void shouldCountReadsPerCameraPerMinute() {
        fx.send(read("cam-1", "ABC1234", 0.9f, NOW));
        fx.send(read("cam-1", "XYZ9876", 0.9f, NOW.plusSeconds(30)));
        fx.send(read("cam-1", "KLM5555", 0.9f, NOW.plusSeconds(61)));
        fx.send(read("cam-2", "KLM5555", 0.9f, NOW.plusSeconds(62)));

        WindowStore<String, ValueAndTimestamp<Long>> counts = fx.driver.getTimestampedWindowStore(
                QueryStores.CAMERA_COUNTS);
        List<Long> cam1 = new ArrayList<>();
        try (WindowStoreIterator<ValueAndTimestamp<Long>> it = counts.fetch("cam-1", NOW.minusSeconds(60),
                NOW.plusSeconds(120))) {
            it.forEachRemaining(kv -> cam1.add(kv.value.value()));
        }
        assertThat(cam1).containsExactly(2L, 1L);
    }

    @Test
    void shouldKeepRecentAlertsByPlate() {
        fx.hotlist.pipeInput("ABC1234", HotlistEntry.newBuilder().setPlate("ABC1234").setReason("stolen")
                .setPriority(4).build(), NOW.minusSeconds(10));

        fx.send(read("cam-1", "ABC1234", 0.9f, NOW));

        WindowStore<String, Alert> alerts = fx.driver.getWindowStore(QueryStores.ALERTS_RECENT);
        List<KeyValue<Windowed<String>, Alert>> all = new ArrayList<>();
        try (var it = alerts.all()) {
            it.forEachRemaining(all::add);
        }
        assertThat(all).singleElement().satisfies(kv -> {
            assertThat(kv.key.key()).isEqualTo("ABC1234");
            assertThat(kv.value.getMatchKind()).isEqualTo("EXACT");
        });
    }

    @Test
    void shouldDropAPassFromItsStoreOnceStreamTimePassesItsWindow() {
        fx.send(read("cam-1", "ABC1234", 0.9f, NOW));
        KeyValueStore<String, PassState> passes = fx.driver.getKeyValueStore(PassProcessor.STORE);
        assertThat(passes.approximateNumEntries()).isEqualTo(1);

        fx.send(read("cam-2", "XYZ9876", 0.9f, NOW.plus(Duration.ofSeconds(12))));

        assertThat(keys(passes)).containsExactly("cam-2|XY29876");
    }

    private static List<String> keys(KeyValueStore<String, PassState> store) {
        List<String> keys = new ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
