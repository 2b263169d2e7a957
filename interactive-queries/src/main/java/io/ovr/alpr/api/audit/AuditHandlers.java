package io.ovr.alpr.api.audit;

import io.javalin.http.Context;
import io.ovr.alpr.api.backend.Required;
import io.ovr.alpr.api.backend.SqlStore;
import io.ovr.alpr.api.http.Cursor;
import io.ovr.alpr.api.http.Page;
import io.ovr.alpr.api.http.Params;
import io.ovr.alpr.api.http.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/v1/admin/audit}: the audit log for admins, newest first, filtered and paginated. */
public final class AuditHandlers {

    public static final Duration DEFAULT_SPAN = Duration.ofDays(7);
    public static final Duration MAX_SPAN = Duration.ofDays(366);
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    static final String CURSOR = "audit";

    /** A page of the audit log. */
    public record AuditList(Instant from, Instant to, int count, List<AuditRow> entries, String next) {
    }

    private final Required<SqlStore> sql;
    private final Params params;

    public AuditHandlers(Required<SqlStore> sql, Params params) {
        this.sql = sql;
        this.params = params;
    }

    public void list(Context ctx) {
        TimeRange range = params.range(ctx, DEFAULT_SPAN, MAX_SPAN);
        Optional<Cursor> after = params.bounded(ctx, "cursor").map(raw -> Cursor.decode(raw, CURSOR, 2));
        AuditFilter filter = new AuditFilter(range.from(), range.to(), params.text(ctx, "principal", 200),
                params.bounded(ctx, "plate").map(p -> params.plate("plate", p)), after.map(c -> c.instant(0)),
                after.map(c -> c.number(1)));
        Page<AuditRow> page = read(filter, params.limit(ctx, DEFAULT_LIMIT, MAX_LIMIT));
        ctx.json(new AuditList(range.from(), range.to(), page.items().size(), page.items(), page.next()));
    }

    private Page<AuditRow> read(AuditFilter filter, int limit) {
        List<AuditRow> rows = sql.get().call(AuditQueries.class, "audit log", dao -> dao.page(filter.from(),
                filter.to(), filter.sql(), filter.principal().orElse(null), filter.plate().orElse(null),
                filter.afterAt().orElse(null), filter.afterId().orElse(null), limit + 1));
        return Page.of(rows, limit, row -> Cursor.of(CURSOR, row.at(), row.id()).encode());
    }
}
