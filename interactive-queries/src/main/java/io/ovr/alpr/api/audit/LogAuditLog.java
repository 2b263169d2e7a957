package io.ovr.alpr.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as one JSON line per access on the {@code alpr.audit} logger, for a log shipper to
 * keep. Route that logger to its own appender and retention in production.
 */
public final class LogAuditLog implements AuditLog {

    private static final Logger AUDIT = LoggerFactory.getLogger("alpr.audit");

    private final ObjectMapper mapper;

    public LogAuditLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void record(AuditEntry entry) {
        try {
            AUDIT.info(mapper.writeValueAsString(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit entry for " + entry.action(), e);
        }
    }
}
