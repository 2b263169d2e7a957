package io.ovr.alpr.api;

import io.ovr.alpr.api.admin.CameraHandlers;
import io.ovr.alpr.api.admin.HotlistHandlers;
import io.ovr.alpr.api.auth.Role;
import io.ovr.alpr.api.http.RouteTable;
import io.ovr.alpr.api.iq.LiveHandlers;
import io.ovr.alpr.api.iq.PeerClient;
import io.ovr.alpr.api.ops.OpsHandlers;
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

    private ApiRoutes() {
    }

    static RouteTable table(LiveHandlers live, HotlistHandlers hotlist, CameraHandlers cameras, OpsHandlers ops) {
        RouteTable.Builder routes = RouteTable.builder();
        ops(routes, ops);
        live(routes, live);
        admin(routes, hotlist, cameras);
        return routes.build();
    }

    private static void ops(RouteTable.Builder routes, OpsHandlers ops) {
        routes.get("/health", PUBLIC, ops::health).doc("operations", "Liveness: 200 unless streams failed")
                .ok(200, "alive").ok(503, "the streams application failed");
        routes.get("/ready", PUBLIC, ops::ready).doc("operations", "Readiness: streams RUNNING and every dependency"
                + " check passing").ok(200, "ready").ok(503, "not ready (Retry-After)");
        routes.get("/metrics", PUBLIC, ops::metrics).doc("operations", "Prometheus metrics: JVM, Kafka Streams, API")
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
                .ok(200, "passes").ok(503, "no instance can answer now (Retry-After)");
        routes.get("/api/v1/cameras/{camera}/counts", VIEWER, live::cameraCounts).doc("live state",
                        "Reads per minute of one camera in a range (store camera-counts-1m)")
                .path("camera", "camera id").query("from", false, "date-time", FROM + "; default to-1h; span <= 7d")
                .query("to", false, "date-time", TO).query("limit", false, "integer", "1-10080, default 1440")
                .ok(200, "minute counts").ok(503, "no instance can answer now (Retry-After)");
        routes.get("/api/v1/counts", VIEWER, live::allCameraCounts).doc("live state",
                        "Reads per camera per minute of every camera in a range, merged from every instance")
                .query("from", false, "date-time", FROM + "; default to-1h; span <= 24h")
                .query("to", false, "date-time", TO).query("limit", false, "integer", "1-10080, default 1440")
                .ok(200, "minute counts by camera").ok(503, "some partition has no instance that can answer now");
        routes.get("/api/v1/alerts/recent", INVESTIGATOR, live::recentAlerts).doc("live state",
                        "Alerts raised in a range, newest first, merged from every instance (store alerts-recent)")
                .query("purpose", true, "string", PURPOSE).query("from", false, "date-time", FROM + "; default to-24h;"
                        + " span <= 7d").query("to", false, "date-time", TO)
                .query("limit", false, "integer", "1-1000, default 100")
                .ok(200, "alerts").ok(503, "some partition has no instance that can answer now");
        routes.get(PeerClient.PEER_PATH + "{kind}", VIEWER, live::peer).doc("internal",
                        "Peer route: this instance's partitions of a live query, for another instance; never"
                                + " forwards (plate kinds need the investigator role and a purpose)")
                .path("kind", "plate-latest, plate-passes, camera-counts or alerts-recent")
                .header(PeerClient.HOP_HEADER, true, "host:port of the forwarding instance")
                .query("partitions", true, "string", "comma-separated store partitions")
                .query("standby", false, "boolean", "true lets a standby replica answer")
                .query("key", false, "string", "plate or camera id of a key query")
                .query("purpose", false, "string", PURPOSE).query("from", false, "date-time", FROM)
                .query("to", false, "date-time", TO).query("limit", false, "integer", "row limit")
                .ok(200, "rows and the partitions they cover").ok(404, "unknown kind");
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
