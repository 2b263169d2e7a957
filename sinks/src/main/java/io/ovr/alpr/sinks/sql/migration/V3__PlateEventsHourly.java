package io.ovr.alpr.sinks.sql.migration;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code plate_events_hourly(bucket, camera_id, site, reads, unique_plates, mean_confidence)}.
 * With TimescaleDB: a continuous aggregate per hour, camera, site and plate (continuous aggregates
 * cannot count distinct values) with a refresh policy, summed by a view of that name. Natively: a
 * materialized view the sink refreshes (concurrently, through its unique index).
 */
public final class V3__PlateEventsHourly extends BaseJavaMigration {

    private static final List<String> TIMESCALE = List.of(
            """
            CREATE MATERIALIZED VIEW plate_events_hourly_plates WITH (timescaledb.continuous) AS
            SELECT time_bucket(INTERVAL '1 hour', captured_at) AS bucket, camera_id, coalesce(site, '') AS site,
                   normalized, count(*) AS reads, sum(confidence) AS confidence_sum
            FROM plate_events
            GROUP BY time_bucket(INTERVAL '1 hour', captured_at), camera_id, coalesce(site, ''), normalized
            WITH NO DATA""",
            "SELECT add_continuous_aggregate_policy('plate_events_hourly_plates', start_offset => INTERVAL '3 days',"
                    + " end_offset => INTERVAL '1 minute', schedule_interval => INTERVAL '5 minutes')",
            """
            CREATE VIEW plate_events_hourly AS
            SELECT bucket, camera_id, site, sum(reads)::bigint AS reads, count(*)::bigint AS unique_plates,
                   (sum(confidence_sum) / sum(reads))::double precision AS mean_confidence
            FROM plate_events_hourly_plates
            GROUP BY bucket, camera_id, site""");

    private static final List<String> NATIVE = List.of(
            """
            CREATE MATERIALIZED VIEW plate_events_hourly AS
            SELECT date_trunc('hour', captured_at) AS bucket, camera_id, coalesce(site, '') AS site,
                   count(*)::bigint AS reads, count(DISTINCT normalized)::bigint AS unique_plates,
                   avg(confidence)::double precision AS mean_confidence
            FROM plate_events
            GROUP BY date_trunc('hour', captured_at), camera_id, coalesce(site, '')
            WITH NO DATA""",
            "CREATE UNIQUE INDEX plate_events_hourly_key ON plate_events_hourly (bucket, camera_id, site)");

    /** TimescaleDB refuses to create continuous aggregates inside a transaction. */
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        List<String> statements = StorageMode.installed(context.getConnection()) == StorageMode.TIMESCALE
                ? TIMESCALE : NATIVE;
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
