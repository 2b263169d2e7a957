package io.ovr.alpr.cli.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ovr.alpr.devstack.BrokerConfig;
import io.ovr.alpr.devstack.EmbeddedKafkaBroker;
import io.ovr.alpr.devstack.PostgresDatabase;
import io.ovr.alpr.devstack.PostgresServer;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import io.ovr.alpr.sinks.core.SinkConfig;
import io.ovr.alpr.sinks.sql.Database;
import io.ovr.alpr.sinks.sql.DatabaseConfig;
import io.ovr.alpr.sinks.sql.Migrations;
import io.ovr.alpr.sinks.sql.PartitionMaintenance;
import io.ovr.alpr.sinks.sql.PlateEventCopy;
import io.ovr.alpr.sinks.sql.TimescaleSink;
import java.io.PrintWriter;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * {@code alpr bench sink timescale}: the idempotent timescale sink (Kafka backlog -> COPY into a
 * staging table -> INSERT ... ON CONFLICT) against, in the same run and the same table, plain
 * batched INSERTs and raw COPY (the ceiling), all in batches of the same size on one connection.
 * The three run in turn for several rounds (the machine is shared: interleaving spreads its noise
 * over all of them) and each reports its median round.
 */
final class TimescaleBenchmark {

    record Report(String where, int batch, SinkBenchSupport.Result copy, SinkBenchSupport.Result insert,
                  SinkBenchSupport.Result sink, SinkBenchSupport.Result replay, long peakHeapMb, HeapProbe heap) {
    }

    /** Live heap (after GC) of the sink draining the whole backlog with two batch sizes. */
    record HeapProbe(int batch, long liveMb, int smallBatch, long smallLiveMb) {
    }

    private final int rows;
    private final int batch;
    private final int rounds;
    private final String adminUrl;
    private final PrintWriter out;

    TimescaleBenchmark(int rows, int batch, int rounds, String adminUrl, PrintWriter out) {
        this.rows = rows;
        this.batch = batch;
        this.rounds = rounds;
        this.adminUrl = adminUrl;
        this.out = out;
    }

    Report run() throws Exception {
        List<PlateEvent> events = BenchEvents.generate(rows, 42);
        try (PostgresServer pg = PostgresServer.machineOrEmbedded(adminUrl);
             PostgresDatabase db = pg.createDatabase("alpr_bench");
             Database database = Database.connect(DatabaseConfig.of(db.jdbcUrl()).withRetention(Duration.ZERO)
                     .withPoolSize(2), "bench");
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerConfig.forTests());
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0)) {
            String where = (pg.isEmbedded() ? "embedded PostgreSQL 15" : "PostgreSQL at "
                    + adminUrl.replaceAll("\\?.*", "")) + ", database " + db.name();
            new Migrations(database.dataSource(), database.config()).migrate();
            new PartitionMaintenance(database.dataSource(), database.config()).ensureDays(events.stream()
                    .map(e -> PartitionMaintenance.day(e.getCapturedAt())).collect(Collectors.toSet()));
            AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                    RegistryClientConfig.of(registry.url())), SerdeOptions.values());
            SinkBenchSupport.createTopics(broker);
            progress("producing %,d events to %s (not timed)", rows, AlprTopics.PLATES_ENRICHED);
            SinkBenchSupport.produce(broker, topics, events);

            try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl() + "&reWriteBatchedInserts=true")) {
                progress("warm-up");
                copy(c, events.subList(0, Math.min(rows, 20_000)));
                truncate(c);
                List<SinkBenchSupport.Result> copies = new ArrayList<>();
                List<SinkBenchSupport.Result> inserts = new ArrayList<>();
                List<SinkBenchSupport.Result> sinks = new ArrayList<>();
                AtomicLong peak = new AtomicLong();
                for (int round = 1; round <= rounds; round++) {
                    progress("round %d of %d: raw COPY, batched INSERT, sink (%,d rows each)", round, rounds, rows);
                    copies.add(SinkBenchSupport.timed("raw COPY (ceiling)", rows, () -> copy(c, events)));
                    check(c, "raw COPY");
                    truncate(c);
                    inserts.add(SinkBenchSupport.timed("plain batched INSERT", rows, () -> insert(c, events)));
                    check(c, "batched INSERT");
                    truncate(c);
                    sinks.add(SinkBenchSupport.drain("timescale sink (Kafka -> COPY/upsert)",
                            TimescaleSink.create(config(broker, "bench-sink-" + round), database, topics,
                                    new SimpleMeterRegistry(), Duration.ofHours(1)), rows, peak));
                    check(c, "sink");
                    progress("  COPY %,.0f/s, INSERT %,.0f/s, sink %,.0f/s", copies.get(round - 1).perSecond(),
                            inserts.get(round - 1).perSecond(), sinks.get(round - 1).perSecond());
                    if (round < rounds) {
                        truncate(c);
                    }
                }
                progress("timescale sink replaying the same %,d events onto the loaded table (new group)", rows);
                SinkBenchSupport.Result replay = SinkBenchSupport.drain("timescale sink, replay (all present)",
                        TimescaleSink.create(config(broker, "bench-replay"), database, topics,
                                new SimpleMeterRegistry(), Duration.ofHours(1)), rows, peak);
                check(c, "replay");
                int small = Math.max(1, batch / 10);
                progress("live heap probes: replays with batches of %,d and %,d (GC every 250 ms, not timed)", batch,
                        small);
                long live = SinkBenchSupport.liveHeapMb(TimescaleSink.create(config(broker, "bench-heap-1", batch),
                        database, topics, new SimpleMeterRegistry(), Duration.ofHours(1)), rows);
                long liveSmall = SinkBenchSupport.liveHeapMb(TimescaleSink.create(config(broker, "bench-heap-2",
                        small), database, topics, new SimpleMeterRegistry(), Duration.ofHours(1)), rows);
                return new Report(where, batch, SinkBenchSupport.median(copies), SinkBenchSupport.median(inserts),
                        SinkBenchSupport.median(sinks), replay, peak.get() / (1024 * 1024),
                        new HeapProbe(batch, live, small, liveSmall));
            }
        }
    }

    private SinkConfig config(EmbeddedKafkaBroker broker, String group) {
        return config(broker, group, batch);
    }

    private static SinkConfig config(EmbeddedKafkaBroker broker, String group, int batchSize) {
        return TimescaleSink.config(broker.bootstrapServers(), group).withBatch(batchSize, Duration.ofMillis(200));
    }

    private void copy(Connection c, List<PlateEvent> events) throws Exception {
        c.setAutoCommit(false);
        PGConnection pg = c.unwrap(PGConnection.class);
        for (int from = 0; from < events.size(); from += batch) {
            StringBuilder text = new StringBuilder(64 * 1024);
            for (PlateEvent e : events.subList(from, Math.min(events.size(), from + batch))) {
                PlateEventCopy.append(text, e);
            }
            pg.getCopyAPI().copyIn("COPY plate_events (" + PlateEventCopy.COLUMN_LIST + ") FROM STDIN",
                    new StringReader(text.toString()));
            c.commit();
        }
        c.setAutoCommit(true);
    }

    private void insert(Connection c, List<PlateEvent> events) throws SQLException {
        String placeholders = PlateEventCopy.COLUMNS.stream().map(col -> col.equals("candidates") ? "?::jsonb"
                : col.equals("event_id") ? "?::uuid" : "?").collect(Collectors.joining(", "));
        c.setAutoCommit(false);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO plate_events (" + PlateEventCopy.COLUMN_LIST
                + ") VALUES (" + placeholders + ")")) {
            int inBatch = 0;
            for (PlateEvent e : events) {
                bind(st, e);
                st.addBatch();
                if (++inBatch == batch) {
                    st.executeBatch();
                    c.commit();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                st.executeBatch();
                c.commit();
            }
        }
        c.setAutoCommit(true);
    }

    private static void bind(PreparedStatement st, PlateEvent e) throws SQLException {
        int i = 1;
        st.setString(i++, e.getEventId());
        st.setString(i++, e.getReadId());
        st.setString(i++, e.getCameraId());
        st.setTimestamp(i++, ts(e.getCapturedAt()));
        st.setString(i++, e.getPlateText());
        st.setString(i++, e.getNormalized());
        st.setString(i++, e.getFolded());
        st.setFloat(i++, e.getConfidence());
        st.setString(i++, PlateEventCopy.candidates(e.getCandidates()));
        st.setString(i++, e.getRegion());
        st.setObject(i++, e.getRegionConfidence(), Types.REAL);
        st.setString(i++, e.getVehicleType());
        st.setString(i++, e.getVehicleMake());
        st.setString(i++, e.getVehicleModel());
        st.setString(i++, e.getVehicleColor());
        st.setString(i++, e.getFrameKey());
        st.setString(i++, e.getCropKey());
        st.setString(i++, e.getImageUrl());
        st.setString(i++, e.getPlateImageUrl());
        st.setObject(i++, e.getLatencyMs(), Types.REAL);
        st.setString(i++, e.getCameraName());
        st.setBoolean(i++, e.getCameraKnown());
        st.setString(i++, e.getSite());
        st.setString(i++, e.getLocation());
        st.setObject(i++, e.getLatitude(), Types.DOUBLE);
        st.setObject(i++, e.getLongitude(), Types.DOUBLE);
        st.setObject(i++, e.getHeading(), Types.REAL);
        st.setString(i++, e.getEdgeHost());
        st.setString(i++, e.getModelVersion());
        st.setString(i++, e.getRoi());
        st.setString(i++, e.getDirection());
        st.setObject(i++, e.getQualityScore(), Types.REAL);
        st.setLong(i++, e.getFrameNumber());
        st.setObject(i++, e.getBbox() == null ? null : e.getBbox().getX(), Types.INTEGER);
        st.setObject(i++, e.getBbox() == null ? null : e.getBbox().getY(), Types.INTEGER);
        st.setObject(i++, e.getBbox() == null ? null : e.getBbox().getWidth(), Types.INTEGER);
        st.setObject(i++, e.getBbox() == null ? null : e.getBbox().getHeight(), Types.INTEGER);
        st.setInt(i++, e.getReadCount());
        st.setTimestamp(i++, ts(e.getFirstSeen()));
        st.setTimestamp(i++, ts(e.getLastSeen()));
        st.setTimestamp(i, ts(e.getProcessedAt()));
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    private void check(Connection c, String phase) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM plate_events")) {
            rs.next();
            long count = rs.getLong(1);
            if (count != rows) {
                throw new IllegalStateException(phase + " left " + count + " rows, expected " + rows);
            }
        }
    }

    private static void truncate(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE plate_events");
            st.execute("VACUUM ANALYZE plate_events");
        }
    }

    private void progress(String format, Object... args) {
        out.printf("  .. " + format + "%n", args);
        out.flush();
    }
}
