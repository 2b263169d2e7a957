package io.ovr.alpr.api.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * What an admin asks of the audit log: a time range, optionally one principal and one plate, and
 * the position after which the page starts. {@link #sql()} is the WHERE fragment, made of fixed
 * text with named parameters only.
 */
record AuditFilter(Instant from, Instant to, Optional<String> principal, Optional<String> plate,
                   Optional<Instant> afterAt, Optional<Long> afterId) {

    String sql() {
        StringBuilder where = new StringBuilder();
        principal.ifPresent(p -> where.append(" AND principal = :principal"));
        plate.ifPresent(p -> where.append(" AND plate = :plate"));
        afterAt.ifPresent(a -> where.append(" AND (at, id) < (:afterAt, :afterId)"));
        return where.toString();
    }
}
