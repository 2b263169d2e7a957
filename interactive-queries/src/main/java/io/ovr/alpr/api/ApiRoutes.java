package io.ovr.alpr.api;

import io.ovr.alpr.api.admin.CameraHandlers;
import io.ovr.alpr.api.admin.HotlistHandlers;
import io.ovr.alpr.api.audit.AuditHandlers;
import io.ovr.alpr.api.auth.PeerSignature;
import io.ovr.alpr.api.auth.Role;
import io.ovr.alpr.api.console.ConsoleHandlers;
import io.ovr.alpr.api.history.HistoryHandlers;
import io.ovr.alpr.api.http.RouteTable;
import io.ovr.alpr.api.images.ImageHandlers;
import io.ovr.alpr.api.iq.LiveHandlers;
import io.ovr.alpr.api.iq.PeerClient;
import io.ovr.alpr.api.ops.OpsHandlers;
import io.ovr.alpr.api.search.PlateTerm;
import io.ovr.alpr.api.search.SearchHandlers;
import java.util.Optional;

/**
 * Every route of the API, in one place: path, role, handler and documentation. The OpenAPI
 * document is generated from this table.
 */
final class ApiRoutes {

    private static final Optional<Role> PUBLIC = Optional.empty();
    private static final Optional<Role> VIEWER = Optional.of(Role.VIEWER);
    private static final Optional<Role> INVESTIGATOR = Optional.of(Role.INVESTIGATOR);
    private static final Optional<Role> ADMIN = Optional.of(Role.ADMIN);
    private static final String PURPOSE = "why you look this up (3-200 characters); written to the audit log";
    private static final String FROM = "start of the range, ISO-8601 instant (inclusive)";
    private static final String TO = "end of the range, ISO-8601 instant (exclusive; default now)";
    private static final String CURSOR = "opaque cursor: the 'next' value of the previous page";
    private static final String NOT_CONFIGURED = "not configured on this instance, or the store cannot answer now"
            + " (problem JSON says which; Retry-After when retrying helps)";

    /** The handlers behind the routes, one per feature. */
    record Handlers(OpsHandlers ops, LiveHandlers live, HistoryHandlers history, SearchHandlers search,
                    ImageHandlers images, AuditHandlers audit, HotlistHandlers hotlist, CameraHandlers cameras,
                    ConsoleHandlers console) {
    }

    private ApiRoutes() {
    }

    static RouteTable table(Handlers handlers) {
        RouteTable.Builder routes = RouteTable.builder();
        ops(routes, handlers.ops());
        live(routes, handlers.live());
        history(routes, handlers.history(), handlers.images());
        search(routes, handlers.search());
        admin(routes, handlers.hotlist(), handlers.cameras());
        console(routes, handlers.console());
        routes.get("/api/v1/admin/audit", ADMIN, handlers.audit()::list).doc("audit", "The audit log (query_audit):"
                        + " every plate lookup and search, newest first")
                .query("principal", false, "string", "only this key name").query("plate", false, "string",
                        "only accesses to this plate (normalized)")
                .query("from", false, "date-time", FROM + "; default to-7d; span <= 366d").query("to", false,
                        "date-time", TO).query("cursor", false, "string", CURSOR)
                .query("limit", false, "integer", "1-500, default 100")
                .ok(200, "entries and the next cursor").ok(503, NOT_CONFIGURED);
        return routes.build();
    }

    private static void history(RouteTable.Builder routes, HistoryHandlers history, ImageHandlers images) {
        routes.get("/api/v1/events", INVESTIGATOR, history::events).doc("history", "Events (vehicle passes) of one"
                        + " plate, camera or site in a range, newest first (captured_at desc, event_id), from PostgreSQL")
                .query("plate", false, "string", "a plate as typed; normalized (give exactly one of plate, camera, site)")
                .query("camera", false, "string", "a camera id").query("site", false, "string", "a site name")
                .query("purpose", true, "string", PURPOSE)
                .query("from", false, "date-time", FROM + "; default to-7d; span <= 366d")
                .query("to", false, "date-time", TO).query("cursor", false, "string", CURSOR)
                .query("limit", false, "integer", "1-500, default 50")
                .ok(200, "events and the next cursor (null on the last page)").ok(503, NOT_CONFIGURED);
        routes.get("/api/v1/events/{id}", INVESTIGATOR, history::event).doc("history", "One event by its id")
                .path("id", "event_id (UUID)").query("purpose", true, "string", PURPOSE)
                .ok(200, "the event").ok(404, "no such event").ok(503, NOT_CONFIGURED);
        routes.get("/api/v1/events/{id}/image", INVESTIGATOR, images::image).doc("images", "Redirect to a short-lived"
                        + " presigned URL of an event's frame or plate crop (the object key comes from the event)")
                .path("id", "event_id (UUID)").query("kind", false, "string", "frame (default) or plate")
                .query("purpose", true, "string", PURPOSE)
                .query("redirect", false, "boolean", "false answers 200 with {\"url\": ...} instead of the redirect"
                        + " (for pages that show the image)")
                .ok(302, "Location: the presigned URL").ok(200, "with redirect=false: the presigned URL as JSON").ok(404, "no such event, or it has no stored image of that kind")
                .ok(503, NOT_CONFIGURED);
        routes.get("/api/v1/alerts", INVESTIGATOR, history::alerts).doc("history", "Alerts in a range, newest first"
                        + " (raised_at desc, alert_id), from PostgreSQL")
                .query("plate", false, "string", "only this plate").query("camera", false, "string", "only this camera")
                .query("site", false, "string", "only this site").query("purpose", true, "string", PURPOSE)
                .query("from", false, "date-time", FROM + "; default to-7d; span <= 366d")
                .query("to", false, "date-time", TO).query("cursor", false, "string", CURSOR)
                .query("limit", false, "integer", "1-500, default 50")
                .ok(200, "alerts and the next cursor").ok(503, NOT_CONFIGURED);
        routes.get("/api/v1/stats/hourly", VIEWER, history::hourly).doc("history", "Reads, distinct plates and mean"
                        + " confidence per camera and hour (plate_events_hourly, refreshed by the timescale sink)")
                .query("camera", false, "string", "only this camera").query("site", false, "string", "only this site")
                .query("from", false, "date-time", FROM + "; default to-24h; span <= 93d")
                .query("to", false, "date-time", TO).query("cursor", false, "string", CURSOR)
                .query("limit", false, "integer", "1-2000, default 500")
                .ok(200, "hourly buckets and the next cursor").ok(503, NOT_CONFIGURED);
    }

    private static void console(RouteTable.Builder routes, ConsoleHandlers console) {
        routes.get("/", PUBLIC, console::root).doc("console", "Redirect to the web console").produces("text/html")
                .ok(302, "Location: /console");
        routes.get("/console", PUBLIC, console::page).doc("console", "The web console (a plain client of this API:"
                + " it asks for an API key and sends it with every request)").produces("text/html")
                .ok(200, "HTML page");
        routes.get("/console/{asset}", PUBLIC, console::asset).doc("console", "The console's script and style sheet")
                .path("asset", "app.js or app.css").produces("text/plain").ok(200, "the file").ok(404, "no such asset");
        routes.get("/api/v1/feed", INVESTIGATOR, console::feed).doc("console", "Live feed: every vehicle pass (and"
                        + " its updates) and every alert as server-sent events (event: read or alert, data: JSON),"
                        + " starting with the latest few; one audit entry per subscription")
                .query("purpose", true, "string", PURPOSE).produces("text/event-stream")
                .ok(200, "an event stream until the client disconnects").ok(503, NOT_CONFIGURED);
        routes.get("/api/v1/dlq", ADMIN, console::deadLetters).doc("console", "The newest records of the dead-letter"
                        + " topic alpr.dlq with reason, detail and source (never the payload)")
                .query("limit", false, "integer", "1-500, default 50").ok(200, "dead letters, newest first")
                .ok(503, NOT_CONFIGURED);
        routes.get("/api/v1/alerts/deliveries", INVESTIGATOR, console::deliveries).doc("console", "The newest"
                        + " delivery attempts of alerts on their channels (alert_deliveries, PostgreSQL)")
                .query("purpose", true, "string", PURPOSE).query("from", false, "date-time", FROM
                        + "; default to-7d; span <= 7d").query("to", false, "date-time", TO)
                .query("limit", false, "integer", "1-500, default 50")
                .ok(200, "attempts, newest first").ok(503, NOT_CONFIGURED);
    }

    private static void search(RouteTable.Builder routes, SearchHandlers search) {
        routes.get("/api/v1/search", INVESTIGATOR, search::search).doc("search", "Plate search (OpenSearch, alias"
                        + " alpr-events), newest first (captured_at desc, event_id), with facets on the first page")
                .query("q", true, "string", "plate text; for mode=wildcard a pattern of letters, digits, * and ? ("
                        + PlateTerm.MAX_PATTERN + " characters, " + PlateTerm.MAX_WILDCARDS + " wildcards at most)")
                .query("mode", false, "string", "exact (default), prefix, wildcard, contains (2-10 characters) or fuzzy"
                        + " (folded text: 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, 6/G are one class)")
                .query("distance", false, "integer", "edit distance of mode=fuzzy, 0-2, default 1")
                .query("camera", false, "string", "only this camera").query("site", false, "string", "only this site")
                .query("region", false, "string", "only this region (DE, US-CA, ...)")
                .query("min_confidence", false, "number", "only reads at least this confident (0-1)")
                .query("purpose", true, "string", PURPOSE)
                .query("from", false, "date-time", FROM + "; default to-30d; span <= 366d")
                .query("to", false, "date-time", TO).query("cursor", false, "string", CURSOR)
                .query("limit", false, "integer", "1-500, default 50")
                .ok(200, "total, hits, next cursor, facets (cameras, regions)").ok(503, NOT_CONFIGURED);
    }

    private static void ops(RouteTable.Builder routes, OpsHandlers ops) {
        routes.get("/health", PUBLIC, ops::health).doc("operations", "Liveness: 200 unless streams failed")
                .ok(200, "alive").ok(503, "the streams application failed");
        routes.get("/ready", PUBLIC, ops::ready).doc("operations", "Readiness: streams RUNNING and every dependency"
                + " check passing").ok(200, "ready").ok(503, "not ready (Retry-After)");
        routes.get("/metrics", PUBLIC, ops::metrics).doc("operations", "Prometheus metrics: JVM, Kafka Streams, API."
                        + " Public (no key) so Prometheus can scrape it; it holds no plate data. Keep the port off"
                        + " public networks or put a proxy in front if even counts must not be public")
                .produces("text/plain").ok(200, "Prometheus text format 0.0.4");
        routes.get("/openapi.json", PUBLIC, ops::openApi).doc("operations", "This OpenAPI 3 document")
                .ok(200, "the document");
        routes.get("/docs", PUBLIC, ops::docs).doc("operations", "The API documentation page (renders openapi.json)")
                .produces("text/html").ok(200, "HTML page");
        routes.get("/api/v1/topology", VIEWER, ops::topology).doc("topology", "The topology as Kafka's describe()"
                + " text or a Mermaid flowchart").query("format", false, "string", "text (default) or mermaid")
                .produces("text/plain").ok(200, "the topology");
        routes.get("/api/v1/instances", VIEWER, ops::instances).doc("topology", "The streams instances and the"
                + " partitions each holds (active and standby)").ok(200, "instances").ok(503, "not running");
    }

    private static void live(RouteTable.Builder routes, LiveHandlers live) {
        routes.get("/api/v1/plates/{plate}/latest", INVESTIGATOR, live::plateLatest).doc("live state",
                        "Latest sighting of a plate (store plate-latest), from the instance that owns it")
                .path("plate", "plate as read; normalized to A-Z0-9 (1-10 characters)")
                .query("purpose", true, "string", PURPOSE)
                .ok(200, "the latest event; stale=true when a standby answered").ok(404, "no sighting in the store")
                .ok(503, "no instance can answer now (Retry-After)");
        routes.get("/api/v1/plates/{plate}/passes", INVESTIGATOR, live::platePasses).doc("live state",
                        "Passes of a plate whose first read lies in a range, newest first (store plate-passes)")
                .path("plate", "plate as read; normalized to A-Z0-9 (1-10 characters)")
                .query("purpose", true, "string", PURPOSE).query("from", false, "date-time", FROM + "; default to-24h")
                .query("to", false, "date-time", TO).query("limit", false, "integer", "1-1000, default 100")
                .ok(200, "passes; truncated=true when more than limit matched").ok(503, "no instance can answer now (Retry-After)");
        routes.get("/api/v1/cameras/{camera}/counts", VIEWER, live::cameraCounts).doc("live state",
                        "Reads per minute of one camera in a range (store camera-counts-1m)")
                .path("camera", "camera id").query("from", false, "date-time", FROM + "; default to-1h; span <= 7d")
                .query("to", false, "date-time", TO).query("limit", false, "integer", "1-10080, default 1440")
                .ok(200, "minute counts").ok(503, "no instance can answer now (Retry-After)");
        routes.get("/api/v1/counts", VIEWER, live::allCameraCounts).doc("live state",
                        "Reads per camera per minute of every camera in a range, merged from every instance")
                .query("from", false, "date-time", FROM + "; default to-1h; span <= 24h")
                .query("to", false, "date-time", TO).query("limit", false, "integer", "1-10080, default 1440")
                .ok(200, "minute counts by camera; truncated=true when more than limit rows matched")
                .ok(503, "some partition has no instance that can answer now");
        routes.get("/api/v1/alerts/recent", INVESTIGATOR, live::recentAlerts).doc("live state",
                        "Alerts raised in a range, newest first, merged from every instance (store alerts-recent)")
                .query("purpose", true, "string", PURPOSE).query("from", false, "date-time", FROM + "; default to-24h;"
                        + " span <= 7d").query("to", false, "date-time", TO)
                .query("limit", false, "integer", "1-1000, default 100")
                .ok(200, "alerts").ok(503, "some partition has no instance that can answer now");
        routes.get(PeerClient.PEER_PATH + "{kind}", VIEWER, live::peer).doc("internal",
                        "Peer route: this instance's partitions of a live query, for another instance; never"
                                + " forwards, writes no audit entry (the forwarding instance does); answers only"
                                + " requests signed with the cluster's peer key (plate kinds need the investigator"
                                + " role and a purpose)")
                .path("kind", "plate-latest, plate-passes, camera-counts or alerts-recent")
                .header(PeerClient.HOP_HEADER, true, "host:port of the forwarding instance")
                .header(PeerSignature.HEADER, true, "t=EPOCH_SECONDS,s=HMAC-SHA256 hex of the request")
                .query("partitions", true, "string", "comma-separated store partitions")
                .query("standby", false, "boolean", "true lets a standby replica answer")
                .query("key", false, "string", "plate or camera id of a key query")
                .query("purpose", false, "string", PURPOSE).query("from", false, "date-time", FROM)
                .query("to", false, "date-time", TO).query("limit", false, "integer", "row limit")
                .ok(200, "rows and the partitions they cover").ok(403, "not signed by an instance of this cluster,"
                        + " or a role below the kind's").ok(404, "unknown kind");
    }

    private static void admin(RouteTable.Builder routes, HotlistHandlers hotlist, CameraHandlers cameras) {
        routes.get("/api/v1/cameras", VIEWER, cameras::list).doc("cameras", "Registered cameras (global table"
                        + " alpr.cameras), by id").query("after", false, "string", "last camera id of the previous page")
                .query("limit", false, "integer", "1-1000, default 100").ok(200, "cameras and the next cursor");
        routes.post("/api/v1/cameras", ADMIN, cameras::register).doc("cameras", "Register or update a camera"
                        + " (produced to alpr.cameras)")
                .body("application/json", "camera_id, name (required); site, location, latitude, longitude, heading,"
                        + " default_region, pass_window_ms, enabled")
                .ok(202, "acknowledged by the broker; the camera list shows it moments later")
                .ok(413, "body too large").ok(415, "not JSON").ok(503, "the broker did not acknowledge");
        routes.get("/api/v1/hotlist", ADMIN, hotlist::list).doc("hotlist", "Hotlist entries, by plate")
                .query("after", false, "string", "last plate of the previous page")
                .query("limit", false, "integer", "1-1000, default 100").ok(200, "entries and the next cursor");
        routes.post("/api/v1/hotlist/import", ADMIN, hotlist::importCsv).doc("hotlist", "Bulk import from CSV"
                        + " (all rows or none)")
                .body("text/csv", "header row naming columns plate, reason (required), priority, list_name,"
                        + " expires_at, notes; at most 100,000 rows and 16 MiB")
                .ok(202, "every row acknowledged by the broker").ok(413, "file too large").ok(415, "not text/csv")
                .ok(503, "the broker did not acknowledge");
        routes.get("/api/v1/hotlist/{plate}", ADMIN, hotlist::get).doc("hotlist", "One hotlist entry")
                .path("plate", "plate; normalized to A-Z0-9").ok(200, "the entry").ok(404, "not on the hotlist");
        routes.put("/api/v1/hotlist/{plate}", ADMIN, hotlist::put).doc("hotlist", "Add or change a hotlist entry"
                        + " (produced to alpr.hotlist, key the normalized plate)")
                .path("plate", "plate; normalized to A-Z0-9")
                .body("application/json", "reason (required), priority 1-5, list_name, expires_at, notes")
                .ok(202, "acknowledged by the broker").ok(413, "body too large").ok(415, "not JSON")
                .ok(503, "the broker did not acknowledge");
        routes.delete("/api/v1/hotlist/{plate}", ADMIN, hotlist::delete).doc("hotlist", "Delete a hotlist entry"
                        + " (a tombstone on alpr.hotlist)").path("plate", "plate; normalized to A-Z0-9")
                .ok(202, "acknowledged by the broker").ok(503, "the broker did not acknowledge");
    }
}
