package io.ovr.alpr.processors.streams;

import io.ovr.alpr.processors.enrich.EventFactory;
import io.ovr.alpr.processors.pass.ExpiryQueue;
import io.ovr.alpr.processors.pass.PassDecision;
import io.ovr.alpr.processors.pass.PassLogic;
import io.ovr.alpr.processors.pass.PassState;
import io.ovr.alpr.processors.region.RegionInference;
import io.ovr.alpr.processors.validate.Validation;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.PlateEvent;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Groups reads into vehicle passes per camera and folded plate and emits the enriched event: the
 * first read of a pass at once with a new event id, a later read only when it raises the best
 * confidence (same event id, updated text, confidence, read count and last seen), other reads are
 * suppressed and counted. Idle passes expire by stream time: a punctuator deletes them, finding
 * them through an {@link ExpiryQueue} rather than a scan of the store. The output is keyed by the
 * normalized plate.
 */
public final class PassProcessor implements Processor<String, Validation.Valid, String, PlateEvent> {

    public static final String NAME = "vehicle-pass";
    public static final String STORE = "vehicle-passes";
    /** The GlobalKTable store of {@code alpr.cameras}. */
    public static final String CAMERA_STORE = "cameras";
    /** Frequent, small expiry rounds: deleting a whole pass window at once would stall the thread. */
    private static final Duration EXPIRY_INTERVAL = Duration.ofSeconds(1);

    private final PassLogic logic;
    private final RegionInference regions;
    private final Duration defaultWindow;
    private final Clock clock;
    private final PipelineCounters counters;
    private ProcessorContext<String, PlateEvent> context;
    private KeyValueStore<String, PassState> passes;
    private final ExpiryQueue expiries = new ExpiryQueue();
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<Camera>> cameras;

    public PassProcessor(PassLogic logic, RegionInference regions, Duration defaultWindow, Clock clock,
                         PipelineCounters counters) {
        this.logic = logic;
        this.regions = regions;
        this.defaultWindow = defaultWindow;
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, PlateEvent> context) {
        this.context = context;
        this.passes = context.getStateStore(STORE);
        this.cameras = context.getStateStore(CAMERA_STORE);
        expiries.clear();
        try (KeyValueIterator<String, PassState> all = passes.all()) {
            while (all.hasNext()) {
                KeyValue<String, PassState> entry = all.next();
                expiries.add(entry.key, entry.value.expiresAt());
            }
        }
        context.schedule(EXPIRY_INTERVAL, PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, Validation.Valid> record) {
        Validation.Valid valid = record.value();
        Camera camera = camera(valid.read().getCameraId());
        if (camera == null) {
            counters.unknownCamera.increment();
        }
        long window = camera != null && camera.getPassWindowMs() != null ? camera.getPassWindowMs()
                : defaultWindow.toMillis();
        String key = valid.read().getCameraId() + "|" + valid.folded();
        PassLogic.Outcome outcome = logic.apply(passes.get(key), record.timestamp(), valid.read().getConfidence(),
                window);
        passes.put(key, outcome.state());
        if (outcome.decision() == PassDecision.NEW) {
            expiries.add(key, outcome.state().expiresAt());
        }
        if (outcome.decision() == PassDecision.SUPPRESS) {
            counters.suppressed.increment();
            return;
        }
        (outcome.decision() == PassDecision.NEW ? counters.passesOpened : counters.passUpdates).increment();
        String prior = camera == null ? null : camera.getDefaultRegion();
        PlateEvent event = EventFactory.build(valid, outcome.state(), camera, regions.infer(valid.normalized(), prior),
                clock.instant());
        context.forward(record.withKey(valid.normalized()).withValue(event));
    }

    private Camera camera(String cameraId) {
        ValueAndTimestamp<Camera> found = cameras.get(cameraId);
        return found == null ? null : found.value();
    }

    private void expire(long streamTime) {
        expiries.expire(streamTime, key -> {
            PassState state = passes.get(key);
            return state == null ? ExpiryQueue.GONE : state.expiresAt();
        }, passes::delete);
    }
}
