package io.ovr.alpr.api.audit;

import io.javalin.http.Context;
import io.ovr.alpr.api.auth.Authenticator;
import io.ovr.alpr.api.auth.Principal;
import io.ovr.alpr.api.http.RequestIds;
import java.time.Clock;
import java.util.Locale;

/** Writes the audit entry of one request to the {@link AuditLog}, filling in who, where and when. */
public final class Auditor {

    private final AuditLog log;
    private final String instance;
    private final Clock clock;

    public Auditor(AuditLog log, String instance, Clock clock) {
        this.log = log;
        this.instance = instance;
        this.clock = clock;
    }

    /** The entry of a client's request to a protected route. */
    public void record(Context ctx, String action, String plate, String query, String purpose, int results) {
        record(Authenticator.principal(ctx), ctx.ip(), RequestIds.of(ctx), action, plate, query, purpose, results);
    }

    public void record(Principal principal, String client, String requestId, String action, String plate,
                       String query, String purpose, int results) {
        log.record(new AuditEntry(clock.instant(), principal.name(), principal.role().name().toLowerCase(Locale.ROOT),
                action, plate, query, purpose, results, client, instance, requestId));
    }
}
