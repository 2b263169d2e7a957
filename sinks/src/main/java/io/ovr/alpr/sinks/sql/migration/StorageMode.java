package io.ovr.alpr.sinks.sql.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How {@code plate_events} is stored: a TimescaleDB hypertable (compression, retention policy,
 * continuous aggregate) where the extension is available, otherwise native declarative
 * partitioning by day kept by the sink's partition maintenance.
 */
public enum StorageMode {
    TIMESCALE,
    NATIVE_PARTITIONS;

    /** What the server offers: TimescaleDB when {@code pg_available_extensions} lists it. */
    public static StorageMode available(Connection connection) throws SQLException {
        return has(connection, "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'")
                ? TIMESCALE : NATIVE_PARTITIONS;
    }

    /** What the migrated database uses: TimescaleDB when the extension is installed in it. */
    public static StorageMode installed(Connection connection) throws SQLException {
        return has(connection, "SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'")
                ? TIMESCALE : NATIVE_PARTITIONS;
    }

    private static boolean has(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }
}
