package io.ovr.alpr.api.audit;

import io.ovr.alpr.api.backend.SqlStore;

/**
 * The audit log as rows of {@code query_audit} (PostgreSQL), one per access, written before the
 * answer leaves. When the row cannot be written the request fails with 503 and no data is handed
 * out unaudited.
 */
public final class SqlAuditLog implements AuditLog {

    private final SqlStore sql;

    public SqlAuditLog(SqlStore sql) {
        this.sql = sql;
    }

    @Override
    public void record(AuditEntry entry) {
        sql.call(AuditQueries.class, "audit log", dao -> {
            dao.insert(entry);
            return null;
        });
    }
}
