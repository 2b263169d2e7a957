package io.ovr.alpr.sinks.sql.dao;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** {@code alerts}: immutable, idempotent on {@code alert_id}. */
@RegisterConstructorMapper(AlertRow.class)
public interface AlertDao {

    @SqlBatch("""
            INSERT INTO alerts (alert_id, event_id, event_captured_at, kind, match_kind, edit_distance, rule_name,
                                priority, reason, plate, matched_plate, hotlist_entry, camera_id, site, raised_at,
                                event)
            VALUES (:alertId, :eventId, :eventCapturedAt, :kind, :matchKind, :editDistance, :ruleName, :priority,
                    :reason, :plate, :matchedPlate, CAST(:hotlistEntry AS jsonb), :cameraId, :site, :raisedAt,
                    CAST(:event AS jsonb))
            ON CONFLICT (alert_id) DO NOTHING""")
    void insert(@BindMethods List<AlertRow> alerts);

    @SqlQuery("""
            SELECT alert_id, event_id, event_captured_at, kind, match_kind, edit_distance, rule_name, priority,
                   reason, plate, matched_plate, hotlist_entry::text AS hotlist_entry, camera_id, site, raised_at,
                   event::text AS event
            FROM alerts WHERE alert_id = :alertId""")
    Optional<AlertRow> find(@Bind("alertId") UUID alertId);

    @SqlQuery("SELECT count(*) FROM alerts")
    long count();

    @SqlQuery("""
            SELECT alert_id, event_id, event_captured_at, kind, match_kind, edit_distance, rule_name, priority,
                   reason, plate, matched_plate, hotlist_entry::text AS hotlist_entry, camera_id, site, raised_at,
                   event::text AS event
            FROM alerts WHERE plate = :plate ORDER BY raised_at DESC LIMIT :limit""")
    List<AlertRow> forPlate(@Bind("plate") String plate, @Bind("limit") int limit);
}
