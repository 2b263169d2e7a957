package io.ovr.alpr.topology.stores;

import io.ovr.alpr.schema.PlateEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Keeps the plate-keyed query stores: {@code plate-latest} (the latest sighting of each plate:
 * events of a plate arrive in partition order, so the last one written is the latest) and
 * {@code plate-passes} (each pass of a plate at its first-read time; a pass update replaces the
 * earlier version).
 */
public final class PlateStoresProcessor implements Processor<String, PlateEvent, Void, Void> {

    public static final String NAME = "update-plate-stores";

    private KeyValueStore<String, PlateEvent> latest;
    private WindowStore<String, PlateEvent> passes;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        latest = context.getStateStore(QueryStores.PLATE_LATEST);
        passes = context.getStateStore(QueryStores.PLATE_PASSES);
    }

    @Override
    public void process(Record<String, PlateEvent> record) {
        PlateEvent event = record.value();
        if (record.key() == null || event == null) {
            return;
        }
        latest.put(record.key(), event);
        passes.put(record.key(), event, event.getCapturedAt().toEpochMilli());
    }
}
