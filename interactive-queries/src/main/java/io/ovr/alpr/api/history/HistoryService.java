package io.ovr.alpr.api.history;

import io.ovr.alpr.api.backend.Required;
import io.ovr.alpr.api.backend.SqlStore;
import io.ovr.alpr.api.http.Cursor;
import io.ovr.alpr.api.http.Page;
import io.ovr.alpr.api.http.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * History from PostgreSQL: events by plate, camera or site, one event, hourly statistics and
 * alerts. Every listing reads one row more than its page to know whether another page follows,
 * and hands out a cursor of the last row's sort values.
 */
public final class HistoryService {

    static final String EVENTS = "events";
    static final String ALERTS = "alerts";
    static final String HOURLY = "hourly";

    private final Required<SqlStore> sql;

    public HistoryService(Required<SqlStore> sql) {
        this.sql = sql;
    }

    public Page<HistoryEvent> events(EventDimension dimension, String value, TimeRange range, Optional<String> cursor,
                                     int limit) {
        Optional<Cursor> after = cursor.map(raw -> Cursor.decode(raw, EVENTS, 2));
        List<HistoryEvent> rows = sql.get().call(EventQueries.class, "event history", dao -> after.isEmpty()
                ? dao.first(dimension.column(), value, range.from(), range.to(), limit + 1)
                : dao.after(dimension.column(), value, range.from(), range.to(), after.get().instant(0),
                        after.get().uuid(1), limit + 1));
        return Page.of(rows, limit, e -> Cursor.of(EVENTS, e.capturedAt(), e.eventId()).encode());
    }

    public Optional<HistoryEvent> event(UUID id) {
        return sql.get().call(EventQueries.class, "event", dao -> dao.find(id));
    }

    public Optional<ImageKeys> imageKeys(UUID id) {
        return sql.get().call(EventQueries.class, "event images", dao -> dao.images(id));
    }

    public Page<HourlyBucket> hourly(TimeRange range, Optional<String> camera, Optional<String> site,
                                     Optional<String> cursor, int limit) {
        Optional<Cursor> after = cursor.map(raw -> Cursor.decode(raw, HOURLY, 3));
        StringBuilder filters = new StringBuilder();
        camera.ifPresent(c -> filters.append(" AND camera_id = :camera"));
        site.ifPresent(s -> filters.append(" AND site = :site"));
        after.ifPresent(c -> filters.append(" AND (bucket, camera_id, site) > (:afterBucket, :afterCamera, :afterSite)"));
        List<HourlyBucket> rows = sql.get().call(StatsQueries.class, "hourly statistics", dao -> dao.hourly(
                range.from(), range.to(), filters.toString(), camera.orElse(null), site.orElse(null),
                after.map(c -> c.instant(0)).orElse(null), after.map(c -> c.text(1)).orElse(null),
                after.map(c -> c.text(2)).orElse(null), limit + 1));
        return Page.of(rows, limit, b -> Cursor.of(HOURLY, b.bucket(), b.cameraId(), b.site()).encode());
    }

    public Page<HistoryAlert> alerts(AlertFilter filter, TimeRange range, Optional<String> cursor, int limit) {
        Optional<Cursor> after = cursor.map(raw -> Cursor.decode(raw, ALERTS, 2));
        Instant afterAt = after.map(c -> c.instant(0)).orElse(null);
        UUID afterId = after.map(c -> c.uuid(1)).orElse(null);
        List<HistoryAlert> rows = sql.get().call(AlertQueries.class, "alert history", dao -> dao.page(range.from(),
                range.to(), filter.sql(after.isPresent()), filter.plate().orElse(null), filter.camera().orElse(null),
                filter.site().orElse(null), afterAt, afterId, limit + 1));
        return Page.of(rows, limit, a -> Cursor.of(ALERTS, a.raisedAt(), a.alertId()).encode());
    }

    /** Which alerts: optionally one plate, one camera, one site. */
    public record AlertFilter(Optional<String> plate, Optional<String> camera, Optional<String> site) {

        String sql(boolean paged) {
            StringBuilder where = new StringBuilder();
            plate.ifPresent(p -> where.append(" AND plate = :plate"));
            camera.ifPresent(c -> where.append(" AND camera_id = :camera"));
            site.ifPresent(s -> where.append(" AND site = :site"));
            if (paged) {
                where.append(" AND raised_at <= :afterAt AND (raised_at < :afterAt OR alert_id > :afterId)");
            }
            return where.toString();
        }

        /** The filter as audit text. */
        public String describe() {
            return "plate=" + plate.orElse("*") + " camera=" + camera.orElse("*") + " site=" + site.orElse("*");
        }
    }
}
