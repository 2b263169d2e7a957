package io.ovr.alpr.processors.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.processors.pass.PassLogic;
import io.ovr.alpr.processors.pass.PassState;
import io.ovr.alpr.processors.pass.PassStateSerde;
import io.ovr.alpr.processors.region.RegionInference;
import io.ovr.alpr.processors.text.PlateText;
import io.ovr.alpr.processors.validate.Validation;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.schema.PlateRead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pass processor with real in-memory stores: what it emits, and how idle passes leave its store. */
class PassProcessorTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final long W = 10_000;

    private final AtomicInteger ids = new AtomicInteger();
    private final PipelineCounters counters = new PipelineCounters();
    private final MockProcessorContext<String, PlateEvent> context = new MockProcessorContext<>();
    private final PassProcessor processor = new PassProcessor(new PassLogic(() -> "e" + ids.incrementAndGet()),
            RegionInference.fromClasspath(), Duration.ofMillis(W), Clock.fixed(T0, ZoneOffset.UTC), counters);
    private KeyValueStore<String, PassState> passes;

    @BeforeEach
    void stores() {
        passes = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PassProcessor.STORE), Serdes.String(),
                new PassStateSerde()).withLoggingDisabled().build();
        passes.init(context.getStateStoreContext(), passes);
        context.addStateStore(passes);
        var cameras = Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(PassProcessor.CAMERA_STORE),
                Serdes.String(), AvroBinarySerde.of(Camera.class)).withLoggingDisabled().build();
        cameras.init(context.getStateStoreContext(), cameras);
        context.addStateStore(cameras);
    }

    @Test
    void shouldEmitTheFirstReadKeyedByNormalizedPlateAndSuppressAWorseOne() {
        processor.init(context);

        process("cam-1", "abc-1234", 0.9f, 0);
        process("cam-1", "ABC1234", 0.8f, 1_000);

        assertThat(context.forwarded()).singleElement().satisfies(f -> {
            assertThat(f.record().key()).isEqualTo("ABC1234");
            assertThat(f.record().value().getEventId()).isEqualTo("e1");
        });
        assertThat(counters.suppressed.sum()).isEqualTo(1);
    }

    @Test
    void shouldDeleteIdlePassesWhenStreamTimePassesTheirExpiry() {
        processor.init(context);
        process("cam-1", "ABC1234", 0.9f, 0);
        process("cam-2", "XYZ9876", 0.9f, 5_000);

        punctuate(W);

        assertThat(passes.get("cam-1|" + PlateText.fold("ABC1234"))).isNull();
        assertThat(passes.get("cam-2|" + PlateText.fold("XYZ9876"))).isNotNull();
        assertThat(passes.approximateNumEntries()).isEqualTo(1);
    }

    @Test
    void shouldKeepAPassThatALaterReadExtended() {
        processor.init(context);
        process("cam-1", "ABC1234", 0.9f, 0);
        process("cam-1", "ABC1234", 0.8f, 8_000);

        punctuate(W);
        assertThat(passes.approximateNumEntries()).isEqualTo(1);

        punctuate(8_000 + W);
        assertThat(passes.approximateNumEntries()).isZero();
    }

    @Test
    void shouldExpirePassesThatWereInTheStoreBeforeItStarted() {
        passes.put("cam-1|A8C1234", new PassState("old", 0, 0, 0, W, 0.9f, 1));
        processor.init(context);

        punctuate(W);

        assertThat(passes.approximateNumEntries()).isZero();
    }

    private void process(String camera, String text, float confidence, long offsetMs) {
        Instant at = T0.plusMillis(offsetMs);
        PlateRead read = PlateRead.newBuilder().setReadId("r" + offsetMs).setCameraId(camera).setCapturedAt(at)
                .setText(text).setConfidence(confidence).build();
        String normalized = PlateText.normalize(text);
        processor.process(new Record<>(camera, new Validation.Valid(read, normalized, PlateText.fold(normalized)),
                at.toEpochMilli()));
    }

    private void punctuate(long offsetMs) {
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(T0.toEpochMilli() + offsetMs));
    }
}
