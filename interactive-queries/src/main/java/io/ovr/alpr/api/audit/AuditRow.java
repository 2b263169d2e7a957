package io.ovr.alpr.api.audit;

import java.time.Instant;

/** A row of {@code query_audit} as the admin route shows it. */
public record AuditRow(long id, Instant at, String principal, String role, String action, String plate, String query,
                       String purpose, int results, String client, String instance) {
}
