package io.ovr.alpr.api.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * {@code alerts}, newest first ({@code raised_at DESC, alert_id}), keyset-paginated; filtered by
 * plate or camera through their {@code (column, raised_at DESC)} indexes. {@code filters} is
 * assembled from fixed fragments only.
 */
@RegisterConstructorMapper(HistoryAlert.class)
public interface AlertQueries {

    @SqlQuery("""
            SELECT alert_id, event_id, event_captured_at, kind, match_kind, edit_distance, rule_name, priority, reason,
                   plate, matched_plate, hotlist_entry::text AS hotlist_entry, camera_id, site, raised_at
            FROM alerts
            WHERE raised_at >= :from AND raised_at < :to <filters>
            ORDER BY raised_at DESC, alert_id LIMIT :limit""")
    @AllowUnusedBindings
    List<HistoryAlert> page(@Bind("from") Instant from, @Bind("to") Instant to, @Define("filters") String filters,
                            @Bind("plate") String plate, @Bind("camera") String camera, @Bind("site") String site,
                            @Bind("afterAt") Instant afterAt, @Bind("afterId") UUID afterId, @Bind("limit") int limit);
}
