package io.ovr.alpr.sinks.sql;

import io.ovr.alpr.sinks.sql.migration.StorageMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the daily partitions of {@code plate_events} (native partitioning; with TimescaleDB the
 * extension's policies do this): creates partitions for the days a batch needs and a few days
 * ahead, drops the ones entirely past the retention, and refreshes {@code plate_events_hourly}.
 * Days are UTC days; a partition is named {@code plate_events_pYYYYMMDD}.
 */
public final class PartitionMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionMaintenance.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Pattern PARTITION = Pattern.compile("plate_events_p(\\d{8})");

    private final DataSource dataSource;
    private final DatabaseConfig config;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();
    private volatile StorageMode mode;

    public PartitionMaintenance(DataSource dataSource, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** What one maintenance run did. */
    public record Report(List<String> created, List<String> dropped, boolean refreshed) {
    }

    /** The partition of {@code day}. */
    public static String partitionName(LocalDate day) {
        return "plate_events_p" + SUFFIX.format(day);
    }

    /** The UTC day of an instant. */
    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Makes sure a partition exists for each day (committed before the caller writes into it). */
    public void ensureDays(Collection<LocalDate> days) throws SQLException {
        if (known.containsAll(days)) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (mode(c) == StorageMode.TIMESCALE) {
                known.addAll(days);
                return;
            }
            c.setAutoCommit(true);
            for (LocalDate day : new TreeSet<>(days)) {
                if (!known.contains(day)) {
                    create(c, day);
                    known.add(day);
                }
            }
        }
    }

    /**
     * Creates partitions from yesterday to {@code partitionsAhead} days after today, drops
     * partitions whose whole day is older than the retention, and refreshes the hourly view.
     */
    public Report run(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (mode(c) == StorageMode.TIMESCALE) {
                return new Report(List.of(), List.of(), false); // compression, retention and aggregates are policies
            }
            LocalDate today = day(now);
            List<String> created = new ArrayList<>();
            Set<LocalDate> existing = existing(c);
            for (LocalDate d = today.minusDays(1); !d.isAfter(today.plusDays(config.partitionsAhead()));
                 d = d.plusDays(1)) {
                if (!existing.contains(d)) {
                    create(c, d);
                    created.add(partitionName(d));
                }
                known.add(d);
            }
            List<String> dropped = dropExpired(c, existing, today);
            refreshHourly(c);
            if (!created.isEmpty() || !dropped.isEmpty()) {
                LOG.info("plate_events partitions created {} dropped {}", created, dropped);
            }
            return new Report(created, dropped, true);
        }
    }

    /** The days that have a partition now. */
    public Set<LocalDate> existingDays() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return existing(c);
        }
    }

    private List<String> dropExpired(Connection c, Set<LocalDate> existing, LocalDate today) throws SQLException {
        List<String> dropped = new ArrayList<>();
        if (config.retentionDays() == 0) {
            return dropped;
        }
        // a day's partition goes once all of it is older than the retention
        LocalDate oldestKept = today.minusDays(config.retentionDays());
        try (Statement st = c.createStatement()) {
            for (LocalDate d : existing) {
                if (d.isBefore(oldestKept)) {
                    st.execute("DROP TABLE IF EXISTS " + partitionName(d));
                    known.remove(d);
                    dropped.add(partitionName(d));
                }
            }
        }
        return dropped;
    }

    private void refreshHourly(Connection c) throws SQLException {
        boolean populated;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT ispopulated FROM pg_matviews WHERE matviewname = 'plate_events_hourly'")) {
            if (!rs.next()) {
                return;
            }
            populated = rs.getBoolean(1);
        }
        try (Statement st = c.createStatement()) {
            st.execute("REFRESH MATERIALIZED VIEW " + (populated ? "CONCURRENTLY " : "") + "plate_events_hourly");
        }
    }

    private static void create(Connection c, LocalDate day) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + partitionName(day) + " PARTITION OF plate_events"
                    + " FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
        } catch (SQLException e) {
            if (!"42P07".equals(e.getSQLState())) { // created meanwhile by another sink instance
                throw e;
            }
        }
    }

    private static Set<LocalDate> existing(Connection c) throws SQLException {
        Set<LocalDate> days = new TreeSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT child.relname FROM pg_inherits"
                     + " JOIN pg_class parent ON parent.oid = pg_inherits.inhparent"
                     + " JOIN pg_class child ON child.oid = pg_inherits.inhrelid"
                     + " WHERE parent.relname = 'plate_events'")) {
            while (rs.next()) {
                Matcher m = PARTITION.matcher(rs.getString(1));
                if (m.matches()) {
                    days.add(LocalDate.parse(m.group(1), SUFFIX));
                }
            }
        }
        return days;
    }

    private StorageMode mode(Connection c) throws SQLException {
        if (mode == null) {
            mode = StorageMode.installed(c);
        }
        return mode;
    }
}
