package io.ovr.alpr.serdes.registry.server;

import java.util.List;

/** Where the registry keeps its state so that ids survive a restart. */
public interface SchemaLog extends AutoCloseable {

    /** Every entry written so far, in order. */
    List<LogEntry> replay();

    /** Appends durably; returns once the entry is stored. */
    void append(LogEntry entry);

    @Override
    void close();
}
