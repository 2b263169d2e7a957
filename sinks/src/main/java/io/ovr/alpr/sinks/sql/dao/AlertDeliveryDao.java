package io.ovr.alpr.sinks.sql.dao;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code alert_deliveries}: every attempt of every alert on every channel. */
@RegisterConstructorMapper(DeliveryRow.class)
public interface AlertDeliveryDao {

    @SqlUpdate("""
            INSERT INTO alert_deliveries (alert_id, channel, attempt, outcome, status_code, error, latency_ms,
                                          attempted_at)
            VALUES (:alertId, :channel, :attempt, :outcome, :statusCode, :error, :latencyMs, :attemptedAt)""")
    void insert(@BindMethods DeliveryRow row);

    @SqlQuery("""
            SELECT alert_id, channel, attempt, outcome, status_code, error, latency_ms, attempted_at
            FROM alert_deliveries WHERE alert_id = :alertId ORDER BY channel, attempt, id""")
    List<DeliveryRow> forAlert(@Bind("alertId") UUID alertId);

    @SqlQuery("SELECT count(*) FROM alert_deliveries WHERE alert_id = :alertId AND channel = :channel"
            + " AND outcome = 'DELIVERED'")
    int deliveredCount(@Bind("alertId") UUID alertId, @Bind("channel") String channel);

    /** DELIVERED or DEAD_LETTERED once the alert is done on the channel; empty while it is not. */
    @SqlQuery("SELECT outcome FROM alert_deliveries WHERE alert_id = :alertId AND channel = :channel"
            + " AND outcome IN ('DELIVERED', 'DEAD_LETTERED') ORDER BY id LIMIT 1")
    Optional<String> finalOutcome(@Bind("alertId") UUID alertId, @Bind("channel") String channel);

    /** Attempts made so far (failed and successful), across restarts. */
    @SqlQuery("SELECT count(*) FROM alert_deliveries WHERE alert_id = :alertId AND channel = :channel"
            + " AND outcome IN ('DELIVERED', 'FAILED')")
    int attempts(@Bind("alertId") UUID alertId, @Bind("channel") String channel);
}
