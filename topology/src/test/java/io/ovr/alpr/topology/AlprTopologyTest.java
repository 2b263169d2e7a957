package io.ovr.alpr.topology;

import static io.ovr.alpr.topology.TopologyFixture.NOW;
import static io.ovr.alpr.topology.TopologyFixture.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.PlateEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every path of the topology under TopologyTestDriver with explicit event times. */
class AlprTopologyTest {

    private final TopologyFixture fx = new TopologyFixture(TopologyConfig.defaults());

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void shouldEnrichAValidReadKeyedByNormalizedPlate() {
        fx.cameras.pipeInput("cam-1", Camera.newBuilder().setCameraId("cam-1").setName("North gate")
                .setSite("campus").setLatitude(1.5).setLongitude(2.5).setDefaultRegion("BR").build(), NOW);

        fx.send(read("cam-1", "abc-1d23", 0.9f, NOW));

        TestRecord<String, PlateEvent> out = fx.enriched.readRecord();
        assertThat(out.key()).isEqualTo("ABC1D23");
        PlateEvent event = out.value();
        assertThat(event.getEventId()).isEqualTo("event-1");
        assertThat(event.getFolded()).isEqualTo("A8C1023");
        assertThat(event.getCameraName()).isEqualTo("North gate");
        assertThat(event.getSite()).isEqualTo("campus");
        assertThat(event.getRegion()).isEqualTo("BR");
        assertThat(event.getCameraKnown()).isTrue();
        assertThat(event.getImageUrl()).isEqualTo("/api/v1/events/event-1/image?kind=frame");
    }

    @Test
    void shouldKeepAndMarkReadsFromUnknownCameras() {
        fx.send(read("cam-x", "XYZ1234", 0.9f, NOW));

        assertThat(fx.enrichedValues()).singleElement().satisfies(e -> assertThat(e.getCameraKnown()).isFalse());
        assertThat(fx.counters.unknownCamera.sum()).isEqualTo(1);
    }

    @Test
    void shouldRouteEachRejectReasonToTheDlqWithOriginalBytes() {
        fx.send(read("cam-1", "", 0.9f, NOW));
        fx.send(read("cam-1", "A", 0.9f, NOW));
        fx.send(read("cam-1", "ABCDEFGHIJK", 0.9f, NOW));
        fx.send(read("cam-1", "ABC123", 0.1f, NOW));
        fx.send(read("", "ABC123", 0.9f, NOW));
        fx.send(read("cam-1", "ABC123", 0.9f, NOW.plusSeconds(3600)));
        fx.send(read("cam-1", "ABC123", 0.9f, NOW.minusSeconds(30L * 24 * 3600)));

        List<TestRecord<byte[], byte[]>> dead = fx.dlq.readRecordsToList();

        assertThat(dead).extracting(r -> header(r, "alpr.reject.reason")).containsExactly("EMPTY_TEXT", "TOO_SHORT",
                "TOO_LONG", "LOW_CONFIDENCE", "MISSING_CAMERA", "FUTURE_TIMESTAMP", "TOO_LATE");
        assertThat(dead).allSatisfy(r -> assertThat(header(r, "alpr.reject.detail")).isNotBlank());
        assertThat(fx.topics.detectionsRaw().valueSerde().deserializer().deserialize("x", dead.get(3).value())
                .getConfidence()).isEqualTo(0.1f);
        assertThat(fx.enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteCorruptBytesToTheDlqAndKeepProcessing() {
        fx.rawReads.pipeInput("cam-1".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 99, 1, 2}, NOW);
        fx.rawReads.pipeInput("cam-1".getBytes(StandardCharsets.UTF_8), new byte[] {7, 7}, NOW);
        fx.send(read("cam-1", "GOOD123", 0.9f, NOW));

        List<TestRecord<byte[], byte[]>> dead = fx.dlq.readRecordsToList();

        assertThat(dead).extracting(r -> header(r, "alpr.reject.reason"))
                .containsExactly("DESERIALIZATION_ERROR", "DESERIALIZATION_ERROR");
        assertThat(dead.get(1).value()).containsExactly(7, 7);
        assertThat(fx.enrichedValues()).extracting(PlateEvent::getNormalized).containsExactly("GOOD123");
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
