package io.ovr.alpr.sinks.sql.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code plate_events}: one row per vehicle pass (the columns of PlateEvent), primary key
 * {@code (event_id, captured_at)} where {@code captured_at} is the pass's first read and so stable
 * across its updates. A TimescaleDB hypertable with compression and retention policies when the
 * extension is available, else a table partitioned by day (partitions made by the sink). Indexes
 * serve the API: plate, folded plate, camera and site each with time; trigram GIN on normalized
 * and folded text for partial search.
 */
public final class V2__PlateEvents extends BaseJavaMigration {

    static final String COLUMNS = """
            event_id           uuid NOT NULL,
            read_id            text NOT NULL,
            camera_id          text NOT NULL,
            captured_at        timestamptz NOT NULL,
            plate_text         text NOT NULL,
            normalized         text NOT NULL,
            folded             text NOT NULL,
            confidence         real NOT NULL,
            candidates         jsonb NOT NULL DEFAULT '[]',
            region             text,
            region_confidence  real,
            vehicle_type       text,
            vehicle_make       text,
            vehicle_model      text,
            vehicle_color      text,
            frame_key          text,
            crop_key           text,
            image_url          text,
            plate_image_url    text,
            latency_ms         real,
            camera_name        text,
            camera_known       boolean NOT NULL DEFAULT true,
            site               text,
            location           text,
            latitude           double precision,
            longitude          double precision,
            heading            real,
            edge_host          text,
            model_version      text,
            roi                text,
            direction          text,
            quality_score      real,
            frame_number       bigint NOT NULL DEFAULT 0,
            bbox_x             integer,
            bbox_y             integer,
            bbox_width         integer,
            bbox_height        integer,
            read_count         integer NOT NULL DEFAULT 1,
            first_seen         timestamptz NOT NULL,
            last_seen          timestamptz NOT NULL,
            processed_at       timestamptz,
            PRIMARY KEY (event_id, captured_at)
            """;

    private static final List<String> INDEXES = List.of(
            "CREATE INDEX plate_events_plate_time ON plate_events (normalized, captured_at DESC)",
            "CREATE INDEX plate_events_folded_time ON plate_events (folded, captured_at DESC)",
            "CREATE INDEX plate_events_camera_time ON plate_events (camera_id, captured_at DESC)",
            "CREATE INDEX plate_events_site_time ON plate_events (site, captured_at DESC)",
            "CREATE INDEX plate_events_normalized_trgm ON plate_events USING gin (normalized gin_trgm_ops)",
            "CREATE INDEX plate_events_folded_trgm ON plate_events USING gin (folded gin_trgm_ops)");

    private final int retentionDays;
    private final int compressAfterDays;

    /**
     * @param retentionDays TimescaleDB retention policy (0: none); native partitions are dropped by the sink
     * @param compressAfterDays TimescaleDB compression policy
     */
    public V2__PlateEvents(int retentionDays, int compressAfterDays) {
        this.retentionDays = retentionDays;
        this.compressAfterDays = compressAfterDays;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> statements = new ArrayList<>();
        statements.add("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        if (StorageMode.available(connection) == StorageMode.TIMESCALE) {
            statements.add("CREATE EXTENSION IF NOT EXISTS timescaledb");
            statements.add("CREATE TABLE plate_events (" + COLUMNS + ")");
            statements.add("SELECT create_hypertable('plate_events', 'captured_at',"
                    + " chunk_time_interval => INTERVAL '1 day')");
            statements.addAll(INDEXES);
            statements.add("ALTER TABLE plate_events SET (timescaledb.compress,"
                    + " timescaledb.compress_segmentby = 'camera_id',"
                    + " timescaledb.compress_orderby = 'captured_at DESC')");
            statements.add("SELECT add_compression_policy('plate_events', INTERVAL '" + compressAfterDays + " days')");
            if (retentionDays > 0) {
                statements.add("SELECT add_retention_policy('plate_events', INTERVAL '" + retentionDays + " days')");
            }
        } else {
            statements.add("CREATE TABLE plate_events (" + COLUMNS + ") PARTITION BY RANGE (captured_at)");
            statements.addAll(INDEXES);
        }
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
