package io.ovr.alpr.sinks.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.devstack.PostgresDatabase;
import io.ovr.alpr.devstack.PostgresExtension;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.sinks.SinkFixtures;
import io.ovr.alpr.sinks.sql.dao.AuditEntry;
import io.ovr.alpr.sinks.sql.dao.QueryAuditDao;
import io.ovr.alpr.sinks.sql.migration.StorageMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Flyway migrations and the partition maintenance on a real PostgreSQL. */
@Tag("integration")
class MigrationsIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.machineOrEmbedded();

    @Test
    void shouldApplyEveryMigrationOnceAndNothingTheSecondTime() throws SQLException {
        try (PostgresDatabase db = POSTGRES.newDatabase();
             Database database = Database.connect(DatabaseConfig.of(db.jdbcUrl()), "test")) {
            Migrations.Result first = new Migrations(database.dataSource(), database.config()).migrate();
            String schemaBefore = schema(db);
            Migrations.Result second = new Migrations(database.dataSource(), database.config()).migrate();

            assertThat(first.executed()).isEqualTo(6);
            assertThat(second.executed()).isZero();
            assertThat(second.version()).isEqualTo("6");
            assertThat(schema(db)).isEqualTo(schemaBefore);
            assertThat(schemaBefore).contains("plate_events.event_id uuid", "alert_deliveries.outcome text",
                    "cameras.camera_id text", "alerts.alert_id uuid");
        }
    }

    @Test
    void shouldPartitionPlateEventsByDayWhereTimescaleIsMissingAndGiveQueryAuditItsAgreedShape() throws SQLException {
        try (PostgresDatabase db = POSTGRES.newDatabase();
             Database database = Database.connect(DatabaseConfig.of(db.jdbcUrl()), "test")) {
            new Migrations(database.dataSource(), database.config()).migrate();
            try (Connection c = db.connect()) {
                StorageMode available = StorageMode.available(c);
                assertThat(StorageMode.installed(c)).isEqualTo(available);
                if (available == StorageMode.NATIVE_PARTITIONS) {
                    assertThat(single(c, "SELECT partstrat FROM pg_partitioned_table p JOIN pg_class c"
                            + " ON c.oid = p.partrelid WHERE c.relname = 'plate_events'")).isEqualTo("r");
                }
                assertThat(columns(c, "query_audit")).containsExactly("id bigint", "at timestamp with time zone",
                        "principal text", "role text", "action text", "plate text", "query text", "purpose text",
                        "results integer", "client text", "instance text");
                assertThat(indexes(c, "plate_events")).contains("plate_events_plate_time",
                        "plate_events_camera_time", "plate_events_site_time", "plate_events_normalized_trgm",
                        "plate_events_folded_trgm");
                assertThat(indexes(c, "query_audit")).contains("query_audit_at", "query_audit_plate_at");
            }
            QueryAuditDao audit = database.jdbi().onDemand(QueryAuditDao.class);
            audit.insert(new AuditEntry(null, "alice", "investigator", "history", "ABC1234", null, "case 42", 3,
                    "127.0.0.1", "api-1"));
            assertThat(audit.forPlate("ABC1234", 10)).singleElement()
                    .satisfies(a -> assertThat(a.at()).isNotNull());
        }
    }

    @Test
    void shouldCreatePartitionsAheadDropThosePastRetentionAndRefreshTheHourlyView() throws SQLException {
        Instant now = Instant.parse("2026-11-25T08:00:00Z");
        try (PostgresDatabase db = POSTGRES.newDatabase();
             Database database = Database.connect(DatabaseConfig.of(db.jdbcUrl()).withRetention(Duration.ofDays(7)),
                     "test")) {
            new Migrations(database.dataSource(), database.config()).migrate();
            try (Connection c = db.connect()) {
                if (StorageMode.installed(c) == StorageMode.TIMESCALE) {
                    return; // chunks and retention are TimescaleDB policies there
                }
            }
            PartitionMaintenance maintenance = new PartitionMaintenance(database.dataSource(), database.config());
            LocalDate today = LocalDate.parse("2026-11-25");
            maintenance.ensureDays(Set.of(today.minusDays(10), today.minusDays(8), today.minusDays(7)));
            insert(db, SinkFixtures.event(java.util.UUID.randomUUID().toString(), "OLD0001",
                    Instant.parse("2026-11-15T09:00:00Z"), 1, 0.9f));

            PartitionMaintenance.Report report = maintenance.run(now);

            assertThat(report.created()).containsExactly("plate_events_p20261124", "plate_events_p20261125",
                    "plate_events_p20261126", "plate_events_p20261127", "plate_events_p20261128");
            assertThat(report.dropped()).containsExactlyInAnyOrder("plate_events_p20261115", "plate_events_p20261117");
            assertThat(maintenance.existingDays()).containsExactly(today.minusDays(7), today.minusDays(1), today,
                    today.plusDays(1), today.plusDays(2), today.plusDays(3));
            assertThat(maintenance.run(now).created()).isEmpty();

            insert(db, SinkFixtures.event(java.util.UUID.randomUUID().toString(), "NEW0001",
                    Instant.parse("2026-11-25T07:10:00Z"), 1, 0.8f));
            insert(db, SinkFixtures.event(java.util.UUID.randomUUID().toString(), "NEW0001",
                    Instant.parse("2026-11-25T07:20:00Z"), 1, 0.6f));
            maintenance.run(now);
            try (Connection c = db.connect()) {
                assertThat(single(c, "SELECT reads || '/' || unique_plates || '/' || round(mean_confidence::numeric, 2)"
                        + " FROM plate_events_hourly WHERE bucket = '2026-11-25 07:00:00+00'")).isEqualTo("2/1/0.70");
            }
        }
    }

    private static void insert(PostgresDatabase db, PlateEvent e) throws SQLException {
        StringBuilder line = new StringBuilder();
        PlateEventCopy.append(line, e);
        try (Connection c = db.connect()) {
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY plate_events ("
                    + PlateEventCopy.COLUMN_LIST + ") FROM STDIN", new java.io.StringReader(line.toString()));
        } catch (java.io.IOException ex) {
            throw new SQLException(ex);
        }
    }

    private static String schema(PostgresDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return String.join("\n", query(c, "SELECT table_name || '.' || column_name || ' ' || data_type"
                    + " FROM information_schema.columns WHERE table_schema = 'public'"
                    + " AND table_name NOT LIKE 'plate_events_p%' ORDER BY table_name, ordinal_position"))
                    + String.join("\n", query(c, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"
                    + " ORDER BY indexname"));
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        return query(c, "SELECT column_name || ' ' || data_type FROM information_schema.columns"
                + " WHERE table_name = '" + table + "' ORDER BY ordinal_position");
    }

    private static List<String> indexes(Connection c, String table) throws SQLException {
        return query(c, "SELECT indexname FROM pg_indexes WHERE tablename = '" + table + "'");
    }

    private static String single(Connection c, String sql) throws SQLException {
        List<String> rows = query(c, sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
