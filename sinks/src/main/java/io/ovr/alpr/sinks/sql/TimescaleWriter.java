package io.ovr.alpr.sinks.sql;

import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.SchemaRegistryUnavailableException;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.sinks.core.AvroJson;
import io.ovr.alpr.sinks.core.BatchWriter;
import io.ovr.alpr.sinks.core.Rejected;
import io.ovr.alpr.sinks.core.TargetUnavailableException;
import io.ovr.alpr.sinks.core.WriteResult;
import io.ovr.alpr.sinks.sql.dao.AlertDao;
import io.ovr.alpr.sinks.sql.dao.AlertRow;
import io.ovr.alpr.sinks.sql.dao.CameraDao;
import io.ovr.alpr.sinks.sql.dao.CameraRow;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timescale sink's writer: {@code alpr.plates.enriched} into {@code plate_events},
 * {@code alpr.alerts} into {@code alerts} and {@code alpr.cameras} into {@code cameras}, one
 * transaction per batch. Passes not yet in the table are COPYed straight in; passes already
 * there are COPYed into a temporary staging table and upserted with
 * {@code INSERT ... ON CONFLICT (event_id, captured_at) DO UPDATE}, which only replaces a row by a
 * later version of the pass (a higher {@code read_count}): replays change nothing, and a late
 * older version never overwrites a newer one. A batch the database refuses for its data is split
 * until the records at fault are found; they go to the dead-letter topic.
 */
public final class TimescaleWriter implements BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(TimescaleWriter.class);
    private static final String STAGE = "plate_events_stage";
    private static final String UPSERT = "INSERT INTO plate_events (" + PlateEventCopy.COLUMN_LIST + ") SELECT "
            + PlateEventCopy.COLUMN_LIST + " FROM " + STAGE
            + " ON CONFLICT (event_id, captured_at) DO UPDATE SET "
            + PlateEventCopy.COLUMNS.stream().filter(c -> !c.equals("event_id") && !c.equals("captured_at"))
                    .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
            + " WHERE plate_events.read_count < EXCLUDED.read_count";

    private final Database database;
    private final PartitionMaintenance partitions;
    private final Deserializer<PlateEvent> events;
    private final Deserializer<Alert> alerts;
    private final Deserializer<Camera> cameras;
    private final Clock clock;
    private final Duration maintenanceInterval;
    private final ExecutorService maintenance = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alpr-sink-timescale-maintenance");
        t.setDaemon(true);
        return t;
    });
    private Instant nextMaintenance = Instant.MIN;
    private Future<?> maintenanceRun;

    public TimescaleWriter(Database database, AlprTopics topics, Clock clock, Duration maintenanceInterval) {
        this.database = database;
        this.partitions = new PartitionMaintenance(database.dataSource(), database.config());
        this.events = topics.platesEnriched().valueSerde().deserializer();
        this.alerts = topics.alerts().valueSerde().deserializer();
        this.cameras = topics.cameras().valueSerde().deserializer();
        this.clock = clock;
        this.maintenanceInterval = maintenanceInterval;
    }

    /** The topics this writer consumes. */
    public static List<String> topics() {
        return List.of(AlprTopics.PLATES_ENRICHED, AlprTopics.ALERTS, AlprTopics.CAMERAS);
    }

    public PartitionMaintenance partitions() {
        return partitions;
    }

    @Override
    public WriteResult write(List<ConsumerRecord<byte[], byte[]>> batch) {
        Decoded decoded = decode(batch);
        List<Rejected> rejected = new ArrayList<>(decoded.rejected);
        int written = writeIsolating(decoded.valid, rejected);
        return new WriteResult(written, rejected);
    }

    /**
     * Starts the partition maintenance and the hourly refresh when due, on a thread of its own:
     * a long refresh must not keep the sink from polling.
     */
    @Override
    public void maintain() {
        Instant now = clock.instant();
        if (now.isBefore(nextMaintenance) || (maintenanceRun != null && !maintenanceRun.isDone())) {
            return;
        }
        nextMaintenance = now.plus(maintenanceInterval);
        maintenanceRun = maintenance.submit(() -> {
            try {
                partitions.run(clock.instant());
            } catch (SQLException | RuntimeException e) {
                LOG.warn("partition maintenance failed, retried in {}: {}", maintenanceInterval, e.toString());
            }
        });
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
    }

    /** Writes the records; on a data error splits them in halves until the records at fault are alone. */
    private int writeIsolating(List<Item> items, List<Rejected> rejected) {
        if (items.isEmpty()) {
            return 0;
        }
        try {
            writeTransaction(items);
            return items.size();
        } catch (SQLException e) {
            if (!SqlErrors.isRecordError(e)) {
                throw new TargetUnavailableException("database: " + e.getMessage(), e);
            }
            if (items.size() == 1) {
                LOG.warn("record {}-{}@{} refused by the database: {}", items.get(0).record.topic(),
                        items.get(0).record.partition(), items.get(0).record.offset(), e.getMessage());
                rejected.add(new Rejected(items.get(0).record, Rejected.WRITE_REJECTED,
                        e.getSQLState() + " " + e.getMessage()));
                return 0;
            }
            int half = items.size() / 2;
            return writeIsolating(items.subList(0, half), rejected)
                    + writeIsolating(items.subList(half, items.size()), rejected);
        }
    }

    private void writeTransaction(List<Item> items) throws SQLException {
        Map<String, PlateEvent> latest = latestVersions(items);
        Set<LocalDate> days = new HashSet<>();
        latest.values().forEach(e -> days.add(PartitionMaintenance.day(e.getCapturedAt())));
        partitions.ensureDays(days);
        try {
            transaction(items, latest.values(), false);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            // another sink instance inserted one of these passes meanwhile: upsert all of them this time
            transaction(items, latest.values(), true);
        }
    }

    private void transaction(List<Item> items, Collection<PlateEvent> events, boolean upsertAll) throws SQLException {
        try {
            database.jdbi().useTransaction(handle -> {
                writeEvents(handle.getConnection(), events, upsertAll);
                writeAlerts(handle, items);
                writeCameras(handle, items);
            });
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    /**
     * Passes not in the table yet are COPYed straight into it (the common case: a first load is
     * as fast as a raw COPY); passes already there go through the staging table and the upsert,
     * which keeps the later version. A concurrent insert of the same pass surfaces as a unique
     * violation, and the caller then upserts everything.
     */
    private static void writeEvents(Connection c, Collection<PlateEvent> events, boolean upsertAll)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Set<String> present = upsertAll ? null : presentKeys(c, events);
        List<PlateEvent> fresh = new ArrayList<>(events.size());
        List<PlateEvent> known = new ArrayList<>();
        for (PlateEvent e : events) {
            (present == null || present.contains(key(e)) ? known : fresh).add(e);
        }
        if (!fresh.isEmpty()) {
            copy(c, fresh, "plate_events");
        }
        if (!known.isEmpty()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGE + " (LIKE plate_events) ON COMMIT DELETE ROWS");
            }
            copy(c, known, STAGE);
            try (Statement st = c.createStatement()) {
                st.executeUpdate(UPSERT);
            }
        }
    }

    /** The (event_id, captured_at) keys of {@code events} that the table holds already. */
    private static Set<String> presentKeys(Connection c, Collection<PlateEvent> events) throws SQLException {
        UUID[] ids = new UUID[events.size()];
        Instant from = Instant.MAX;
        Instant to = Instant.MIN;
        int i = 0;
        for (PlateEvent e : events) {
            ids[i++] = UUID.fromString(e.getEventId());
            from = e.getCapturedAt().isBefore(from) ? e.getCapturedAt() : from;
            to = e.getCapturedAt().isAfter(to) ? e.getCapturedAt() : to;
        }
        Set<String> present = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT event_id, captured_at FROM plate_events"
                + " WHERE event_id = ANY (?) AND captured_at BETWEEN ? AND ?")) {
            st.setArray(1, c.createArrayOf("uuid", ids));
            st.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            st.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getObject(1, UUID.class) + "|"
                            + rs.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli());
                }
            }
        }
        return present;
    }

    private static String key(PlateEvent e) {
        return UUID.fromString(e.getEventId()) + "|" + e.getCapturedAt().toEpochMilli();
    }

    private static void copy(Connection c, List<PlateEvent> events, String table) throws SQLException {
        StringBuilder text = new StringBuilder(events.size() * 640);
        for (PlateEvent e : events) {
            PlateEventCopy.append(text, e);
        }
        try (Reader in = new StringReader(text.toString())) {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + PlateEventCopy.COLUMN_LIST + ") FROM STDIN", in);
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), "08000", e);
        }
    }

    private static void writeAlerts(Handle handle, List<Item> items) {
        List<AlertRow> rows = items.stream().filter(i -> i.alert != null).map(i -> alertRow(i.alert)).toList();
        if (!rows.isEmpty()) {
            handle.attach(AlertDao.class).insert(rows);
        }
    }

    /** The last state of each camera in the batch: an upsert, or a delete for a tombstone. */
    private static void writeCameras(Handle handle, List<Item> items) {
        Map<String, Item> last = new LinkedHashMap<>();
        items.stream().filter(i -> i.cameraKey != null).forEach(i -> last.put(i.cameraKey, i));
        List<CameraRow> upserts = last.values().stream().filter(i -> i.camera != null)
                .map(i -> CameraRow.of(i.camera)).toList();
        List<String> deletes = last.values().stream().filter(i -> i.camera == null).map(i -> i.cameraKey).toList();
        CameraDao dao = handle.attach(CameraDao.class);
        if (!upserts.isEmpty()) {
            dao.upsert(upserts);
        }
        if (!deletes.isEmpty()) {
            dao.delete(deletes);
        }
    }

    /** One row per (event_id, captured_at): the version with the highest read count, the later record on ties. */
    private static Map<String, PlateEvent> latestVersions(List<Item> items) {
        Map<String, PlateEvent> latest = new LinkedHashMap<>();
        for (Item i : items) {
            if (i.event != null) {
                latest.merge(i.event.getEventId() + "|" + i.event.getCapturedAt().toEpochMilli(), i.event,
                        (a, b) -> b.getReadCount() >= a.getReadCount() ? b : a);
            }
        }
        return latest;
    }

    static AlertRow alertRow(Alert a) {
        PlateEvent e = a.getEvent();
        return new AlertRow(UUID.fromString(a.getAlertId()), UUID.fromString(a.getEventId()), e.getCapturedAt(),
                a.getKind(), a.getMatchKind(), a.getEditDistance(), a.getRuleName(), a.getPriority(), a.getReason(),
                a.getPlate(), a.getMatchedPlate(), AvroJson.json(a.getHotlistEntry()), a.getCameraId(), a.getSite(),
                a.getRaisedAt(), AvroJson.json(e));
    }

    private Decoded decode(List<ConsumerRecord<byte[], byte[]>> batch) {
        Decoded decoded = new Decoded();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            try {
                Item item = decode(r);
                String invalid = invalid(item);
                if (invalid != null) {
                    decoded.rejected.add(new Rejected(r, Rejected.INVALID_RECORD, invalid));
                } else if (item != null) {
                    decoded.valid.add(item);
                }
            } catch (SchemaRegistryUnavailableException e) {
                throw new TargetUnavailableException(e.getMessage(), e);
            } catch (RuntimeException e) {
                decoded.rejected.add(new Rejected(r, Rejected.DESERIALIZATION_ERROR, e.getMessage()));
            }
        }
        return decoded;
    }

    private Item decode(ConsumerRecord<byte[], byte[]> r) {
        return switch (r.topic()) {
            case AlprTopics.PLATES_ENRICHED -> r.value() == null ? null
                    : new Item(r, events.deserialize(r.topic(), r.value()), null, null, null);
            case AlprTopics.ALERTS -> r.value() == null ? null
                    : new Item(r, null, alerts.deserialize(r.topic(), r.value()), null, null);
            case AlprTopics.CAMERAS -> new Item(r, null, null,
                    r.value() == null ? null : cameras.deserialize(r.topic(), r.value()), cameraKey(r));
            default -> throw new IllegalArgumentException("unexpected topic " + r.topic());
        };
    }

    private static String cameraKey(ConsumerRecord<byte[], byte[]> r) {
        return r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String invalid(Item item) {
        if (item == null) {
            return null;
        }
        if (item.event != null && !PlateEventCopy.validEventId(item.event.getEventId())) {
            return "event_id is not a UUID: " + item.event.getEventId();
        }
        if (item.alert != null && (!PlateEventCopy.validEventId(item.alert.getAlertId())
                || !PlateEventCopy.validEventId(item.alert.getEventId()))) {
            return "alert_id or event_id is not a UUID: " + item.alert.getAlertId();
        }
        if (item.cameraKey == null && item.record.topic().equals(AlprTopics.CAMERAS)) {
            return "camera record without a key";
        }
        return null;
    }

    /** The SQL error inside a Jdbi or pool exception; other failures propagate as they are. */
    private static SQLException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        throw e;
    }

    private record Item(ConsumerRecord<byte[], byte[]> record, PlateEvent event, Alert alert, Camera camera,
                        String cameraKey) {
    }

    private static final class Decoded {
        final List<Item> valid = new ArrayList<>();
        final List<Rejected> rejected = new ArrayList<>();
    }
}
