package io.ovr.alpr.sinks.sql.dao;

import java.time.Instant;

/** A row of {@code query_audit}: who asked what through the API, why, and how much came back. */
public record AuditEntry(Instant at, String principal, String role, String action, String plate, String query,
                         String purpose, int results, String client, String instance) {
}
