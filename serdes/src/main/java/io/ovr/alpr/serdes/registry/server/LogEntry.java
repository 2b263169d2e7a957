package io.ovr.alpr.serdes.registry.server;

/** One durable change of the registry's state, as kept in the {@code _schemas} log. */
sealed interface LogEntry {

    /** A version of a subject; {@code deleted} marks a soft delete. */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) implements LogEntry {
    }

    /** The compatibility level of a subject, or the global one when {@code subject} is null; null level clears it. */
    record CompatibilityConfig(String subject, String level) implements LogEntry {
    }
}
