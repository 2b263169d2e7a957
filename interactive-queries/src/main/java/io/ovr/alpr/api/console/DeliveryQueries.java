package io.ovr.alpr.api.console;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The newest attempts of {@code alert_deliveries}, with the alert's plate and camera. */
@RegisterConstructorMapper(DeliveryQueries.Delivery.class)
public interface DeliveryQueries {

    /** One delivery attempt of an alert on a channel. */
    record Delivery(long id, UUID alertId, String channel, int attempt, String outcome, Integer statusCode,
                    String error, Integer latencyMs, Instant attemptedAt, String plate, String cameraId) {
    }

    @SqlQuery("""
            SELECT d.id, d.alert_id, d.channel, d.attempt, d.outcome, d.status_code, d.error, d.latency_ms,
                   d.attempted_at, a.plate, a.camera_id
            FROM alert_deliveries d LEFT JOIN alerts a ON a.alert_id = d.alert_id
            WHERE d.attempted_at >= :from AND d.attempted_at < :to
            ORDER BY d.attempted_at DESC, d.id DESC LIMIT :limit""")
    List<Delivery> newest(@Bind("from") Instant from, @Bind("to") Instant to, @Bind("limit") int limit);
}
