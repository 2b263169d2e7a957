package io.ovr.alpr.api.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseHandler;
import io.ovr.alpr.api.audit.Auditor;
import io.ovr.alpr.api.backend.Required;
import io.ovr.alpr.api.backend.SqlStore;
import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.Params;
import io.ovr.alpr.api.http.TimeRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The web console and the routes only it needed: the page and its two assets (a fixed list, so no
 * path reaches the class path), the live feed as server-sent events, the newest dead letters and the
 * newest alert deliveries. The console is a plain client of the API: it sends the same key.
 */
public final class ConsoleHandlers {

    private static final Map<String, String> ASSETS = Map.of("app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");
    private static final Duration DELIVERIES_SPAN = Duration.ofDays(7);

    /** The dead letters of a page. */
    public record DeadLetters(int count, List<DeadLetterReader.DeadLetter> records) {
    }

    /** The deliveries of a page. */
    public record Deliveries(Instant from, Instant to, int count, List<DeliveryQueries.Delivery> deliveries) {
    }

    private final Required<LiveFeed> feed;
    private final Required<DeadLetterReader> deadLetters;
    private final Required<SqlStore> sql;
    private final Params params;
    private final Auditor auditor;
    private final Map<String, byte[]> files;

    public ConsoleHandlers(Required<LiveFeed> feed, Required<DeadLetterReader> deadLetters, Required<SqlStore> sql,
                           Params params, Auditor auditor) {
        this.feed = feed;
        this.deadLetters = deadLetters;
        this.sql = sql;
        this.params = params;
        this.auditor = auditor;
        this.files = Map.of("index.html", resource("index.html"), "app.js", resource("app.js"),
                "app.css", resource("app.css"));
    }

    public void root(Context ctx) {
        ctx.redirect("/console", HttpStatus.FOUND);
    }

    public void page(Context ctx) {
        ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(files.get("index.html"));
    }

    public void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        String type = ASSETS.get(name);
        if (type == null) {
            throw ApiException.notFound("no console asset " + name);
        }
        ctx.header("Cache-Control", "no-cache").contentType(type).result(files.get(name));
    }

    /** {@code GET /api/v1/feed}: reads and alerts as server-sent events ({@code event: read|alert}). */
    public void feed(Context ctx) throws Exception {
        String purpose = params.purpose(ctx);
        LiveFeed live = feed.get();
        auditor.record(ctx, "feed.live", null, "live feed of reads and alerts", purpose, 0);
        new SseHandler(client -> {
            LiveFeed.Subscription subscription;
            try {
                subscription = live.subscribe(item -> client.sendEvent(item.type(), item.data()));
            } catch (IllegalStateException full) {
                client.sendEvent("error", Map.of("detail", full.getMessage()));
                client.close();
                return;
            }
            client.onClose(subscription::close);
            client.keepAlive();
        }).handle(ctx);
    }

    /** {@code GET /api/v1/dlq}: the newest dead letters with their reasons. */
    public void deadLetters(Context ctx) {
        List<DeadLetterReader.DeadLetter> records = deadLetters.get().newest(params.limit(ctx, 50, 500));
        ctx.json(new DeadLetters(records.size(), records));
    }

    /** {@code GET /api/v1/alerts/deliveries}: the newest delivery attempts of alerts (PostgreSQL). */
    public void deliveries(Context ctx) {
        String purpose = params.purpose(ctx);
        TimeRange range = params.range(ctx, DELIVERIES_SPAN, DELIVERIES_SPAN);
        int limit = params.limit(ctx, 50, 500);
        List<DeliveryQueries.Delivery> rows = sql.get().call(DeliveryQueries.class, "alert deliveries",
                dao -> dao.newest(range.from(), range.to(), limit));
        auditor.record(ctx, "alerts.deliveries", null, "deliveries " + range.from() + "/" + range.to(), purpose,
                rows.size());
        ctx.json(new Deliveries(range.from(), range.to(), rows.size(), rows));
    }

    private static byte[] resource(String name) {
        try (InputStream in = ConsoleHandlers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("console resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
