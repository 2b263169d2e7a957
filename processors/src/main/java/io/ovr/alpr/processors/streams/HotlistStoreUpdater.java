package io.ovr.alpr.processors.streams;

import io.ovr.alpr.processors.hotlist.HotlistIndex;
import io.ovr.alpr.schema.HotlistEntry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global hotlist store and the in-memory fuzzy index in step with the compacted
 * {@code alpr.hotlist} topic; a tombstone deletes the entry.
 */
public final class HotlistStoreUpdater implements Processor<String, HotlistEntry, Void, Void> {

    public static final String NAME = "hotlist-updater";
    public static final String STORE = "hotlist";

    private final HotlistIndex index;
    private KeyValueStore<String, HotlistEntry> store;

    public HotlistStoreUpdater(HotlistIndex index) {
        this.index = index;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, HotlistEntry> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            index.remove(record.key());
        } else {
            store.put(record.key(), record.value());
            index.put(record.value());
        }
    }
}
