package io.ovr.alpr.api.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads of {@code plate_events} for the API. Listings are ordered {@code captured_at DESC,
 * event_id} and keyset-paginated: the next page starts strictly after the last row's
 * {@code (captured_at, event_id)}, so rows arriving meanwhile neither repeat nor shift a page.
 * {@code column} is one of {@link EventDimension}'s fixed columns, each with a
 * {@code (column, captured_at DESC)} index; the time bounds prune the daily partitions.
 */
@RegisterConstructorMapper(HistoryEvent.class)
@RegisterConstructorMapper(ImageKeys.class)
public interface EventQueries {

    String COLUMNS = "event_id, captured_at, camera_id, camera_name, site, location, plate_text, normalized, folded,"
            + " confidence, candidates::text AS candidates, region, region_confidence, vehicle_type, vehicle_make,"
            + " vehicle_model, vehicle_color, latitude, longitude, heading, direction, read_count, first_seen,"
            + " last_seen, processed_at, image_url, plate_image_url";

    @SqlQuery("SELECT " + COLUMNS + " FROM plate_events WHERE <column> = :value AND captured_at >= :from"
            + " AND captured_at < :to ORDER BY captured_at DESC, event_id LIMIT :limit")
    List<HistoryEvent> first(@Define("column") String column, @Bind("value") String value, @Bind("from") Instant from,
                             @Bind("to") Instant to, @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM plate_events WHERE <column> = :value AND captured_at >= :from"
            + " AND captured_at < :to AND captured_at <= :afterAt AND (captured_at < :afterAt OR event_id > :afterId)"
            + " ORDER BY captured_at DESC, event_id LIMIT :limit")
    List<HistoryEvent> after(@Define("column") String column, @Bind("value") String value, @Bind("from") Instant from,
                             @Bind("to") Instant to, @Bind("afterAt") Instant afterAt, @Bind("afterId") UUID afterId,
                             @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM plate_events WHERE event_id = :id ORDER BY read_count DESC LIMIT 1")
    Optional<HistoryEvent> find(@Bind("id") UUID id);

    @SqlQuery("SELECT normalized, frame_key, crop_key FROM plate_events WHERE event_id = :id"
            + " ORDER BY read_count DESC LIMIT 1")
    Optional<ImageKeys> images(@Bind("id") UUID id);
}
