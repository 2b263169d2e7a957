package io.ovr.alpr.sinks.sql.dao;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads of {@code plate_events}. The sink writes through COPY (see {@code TimescaleWriter}), which
 * Jdbi does not cover.
 */
@RegisterConstructorMapper(StoredPlateEvent.class)
public interface PlateEventDao {

    String COLUMNS = "event_id, captured_at, camera_id, site, plate_text, normalized, folded, confidence,"
            + " read_count, first_seen, last_seen, candidates::text AS candidates";

    @SqlQuery("SELECT count(*) FROM plate_events")
    long count();

    @SqlQuery("SELECT count(*) FROM plate_events WHERE event_id = :eventId")
    int countEvent(@Bind("eventId") UUID eventId);

    @SqlQuery("SELECT count(*) FROM plate_events WHERE event_id IN (<eventIds>)")
    long countEvents(@BindList("eventIds") List<UUID> eventIds);

    @SqlQuery("SELECT " + COLUMNS + " FROM plate_events WHERE event_id = :eventId")
    Optional<StoredPlateEvent> find(@Bind("eventId") UUID eventId);

    @SqlQuery("SELECT " + COLUMNS + " FROM plate_events WHERE normalized = :plate AND captured_at >= :from"
            + " AND captured_at < :to ORDER BY captured_at DESC LIMIT :limit")
    List<StoredPlateEvent> forPlate(@Bind("plate") String plate, @Bind("from") Instant from, @Bind("to") Instant to,
                                    @Bind("limit") int limit);
}
