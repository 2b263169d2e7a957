package io.ovr.alpr.serdes.registry.server;

import java.util.ArrayList;
import java.util.List;

/** A log that lives as long as the process: for a throw-away registry (ids do not survive a restart). */
public final class InMemorySchemaLog implements SchemaLog {

    private final List<LogEntry> entries = new ArrayList<>();

    @Override
    public synchronized List<LogEntry> replay() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized void append(LogEntry entry) {
        entries.add(entry);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
