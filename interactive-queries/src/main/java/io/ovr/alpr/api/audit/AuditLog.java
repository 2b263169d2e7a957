package io.ovr.alpr.api.audit;

/**
 * Where plate accesses are recorded. Called before the answer leaves the server; an implementation
 * that cannot record must throw, so the data is not handed out unaudited.
 */
public interface AuditLog {

    void record(AuditEntry entry);
}
