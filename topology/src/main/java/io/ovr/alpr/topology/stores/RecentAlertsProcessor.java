package io.ovr.alpr.topology.stores;

import io.ovr.alpr.schema.Alert;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/** Keeps {@code alerts-recent}: alerts by plate at the time they were raised, for the retention. */
public final class RecentAlertsProcessor implements Processor<String, Alert, Void, Void> {

    public static final String NAME = "update-alerts-recent";

    private WindowStore<String, Alert> alerts;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        alerts = context.getStateStore(QueryStores.ALERTS_RECENT);
    }

    @Override
    public void process(Record<String, Alert> record) {
        if (record.key() != null && record.value() != null) {
            alerts.put(record.key(), record.value(), record.value().getRaisedAt().toEpochMilli());
        }
    }
}
