package io.ovr.alpr.api.history;

import io.javalin.http.Context;
import io.ovr.alpr.api.audit.Auditor;
import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.Page;
import io.ovr.alpr.api.http.Params;
import io.ovr.alpr.api.http.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** HTTP handlers of the history (PostgreSQL): parse, delegate to {@link HistoryService}, audit, answer. */
public final class HistoryHandlers {

    public static final Duration DEFAULT_SPAN = Duration.ofDays(7);
    public static final Duration MAX_SPAN = Duration.ofDays(366);
    public static final Duration HOURLY_DEFAULT_SPAN = Duration.ofDays(1);
    public static final Duration HOURLY_MAX_SPAN = Duration.ofDays(93);
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final int HOURLY_DEFAULT_LIMIT = 500;
    public static final int HOURLY_MAX_LIMIT = 2000;

    /** Events of one plate, camera or site in a range, newest first. */
    public record EventList(String by, String value, Instant from, Instant to, int count, List<HistoryEvent> events,
                            String next) {
    }

    /** Hourly statistics in a range. */
    public record HourlyList(Instant from, Instant to, int count, List<HourlyBucket> buckets, String next) {
    }

    /** Alerts in a range, newest first. */
    public record AlertList(Instant from, Instant to, int count, List<HistoryAlert> alerts, String next) {
    }

    private record Selection(EventDimension dimension, String value) {
    }

    private final HistoryService history;
    private final Params params;
    private final Auditor auditor;

    public HistoryHandlers(HistoryService history, Params params, Auditor auditor) {
        this.history = history;
        this.params = params;
        this.auditor = auditor;
    }

    public void events(Context ctx) {
        String purpose = params.purpose(ctx);
        Selection selection = selection(ctx);
        TimeRange range = params.range(ctx, DEFAULT_SPAN, MAX_SPAN);
        Page<HistoryEvent> page = history.events(selection.dimension(), selection.value(), range,
                params.bounded(ctx, "cursor"), params.limit(ctx, DEFAULT_LIMIT, MAX_LIMIT));
        auditor.record(ctx, selection.dimension().action(), selection.dimension() == EventDimension.PLATE
                ? selection.value() : null, describe(selection, range, ctx), purpose, page.items().size());
        ctx.json(new EventList(selection.dimension().name().toLowerCase(Locale.ROOT), selection.value(),
                range.from(), range.to(), page.items().size(), page.items(), page.next()));
    }

    public void event(Context ctx) {
        String purpose = params.purpose(ctx);
        UUID id = params.uuid("id", ctx.pathParam("id"));
        Optional<HistoryEvent> event = history.event(id);
        auditor.record(ctx, "event.get", event.map(HistoryEvent::normalized).orElse(null), "event " + id, purpose,
                event.isPresent() ? 1 : 0);
        ctx.json(event.orElseThrow(() -> ApiException.notFound("no event " + id + " in the history")));
    }

    public void hourly(Context ctx) {
        TimeRange range = params.range(ctx, HOURLY_DEFAULT_SPAN, HOURLY_MAX_SPAN);
        Page<HourlyBucket> page = history.hourly(range, params.cameraId(ctx, "camera"), params.site(ctx, "site"),
                params.bounded(ctx, "cursor"), params.limit(ctx, HOURLY_DEFAULT_LIMIT, HOURLY_MAX_LIMIT));
        ctx.json(new HourlyList(range.from(), range.to(), page.items().size(), page.items(), page.next()));
    }

    public void alerts(Context ctx) {
        String purpose = params.purpose(ctx);
        HistoryService.AlertFilter filter = new HistoryService.AlertFilter(params.bounded(ctx, "plate")
                .map(raw -> params.plate("plate", raw)), params.cameraId(ctx, "camera"), params.site(ctx, "site"));
        TimeRange range = params.range(ctx, DEFAULT_SPAN, MAX_SPAN);
        Page<HistoryAlert> page = history.alerts(filter, range, params.bounded(ctx, "cursor"),
                params.limit(ctx, DEFAULT_LIMIT, MAX_LIMIT));
        auditor.record(ctx, "alerts.history", filter.plate().orElse(null), filter.describe() + " " + range.from()
                + "/" + range.to(), purpose, page.items().size());
        ctx.json(new AlertList(range.from(), range.to(), page.items().size(), page.items(), page.next()));
    }

    private Selection selection(Context ctx) {
        Map<EventDimension, Optional<String>> given = Map.of(
                EventDimension.PLATE, params.bounded(ctx, "plate").map(raw -> params.plate("plate", raw)),
                EventDimension.CAMERA, params.cameraId(ctx, "camera"),
                EventDimension.SITE, params.site(ctx, "site"));
        List<Selection> chosen = given.entrySet().stream().filter(e -> e.getValue().isPresent())
                .map(e -> new Selection(e.getKey(), e.getValue().get())).toList();
        if (chosen.size() != 1) {
            throw ApiException.badRequest("plate", "give exactly one of plate, camera or site");
        }
        return chosen.get(0);
    }

    private static String describe(Selection selection, TimeRange range, Context ctx) {
        return selection.dimension().name().toLowerCase(Locale.ROOT) + "=" + selection.value() + " "
                + range.from() + "/" + range.to() + (ctx.queryParam("cursor") == null ? "" : " (next page)");
    }
}
