package io.ovr.alpr.api.iq;

import io.javalin.http.Context;
import io.ovr.alpr.api.auth.Authenticator;
import io.ovr.alpr.api.auth.Role;
import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.Params;
import io.ovr.alpr.api.http.TimeRange;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** HTTP handlers of the live state: parse, delegate to {@link LiveService}, answer. */
public final class LiveHandlers {

    /** The latest sighting of a plate. */
    public record PlateLatest(String plate, Map<String, Object> event, boolean stale, SortedSet<String> servedBy) {
    }

    /** Passes of a plate in a range. */
    public record PlatePasses(String plate, Instant from, Instant to, int count, List<Map<String, Object>> passes,
                              boolean stale, SortedSet<String> servedBy) {
    }

    /** Reads per camera per minute in a range. */
    public record CameraCounts(String cameraId, Instant from, Instant to, long totalReads, int count,
                               List<MinuteCount> counts, boolean stale, SortedSet<String> servedBy) {
    }

    /** Alerts raised in a range. */
    public record RecentAlerts(Instant from, Instant to, int count, List<Map<String, Object>> alerts, boolean stale,
                               SortedSet<String> servedBy) {
    }

    /** A peer's answer: its rows and the partitions they cover. */
    public record PeerReply(List<?> rows, Set<Integer> partitions, String instance, boolean stale) {
    }

    private static final int MAX_PARTITIONS = 1024;

    private final LiveService live;
    private final LiveQueries queries;
    private final Params params;

    public LiveHandlers(LiveService live, LiveQueries queries, Params params) {
        this.live = live;
        this.queries = queries;
        this.params = params;
    }

    public void plateLatest(Context ctx) {
        String plate = params.plate(ctx, "plate");
        LiveResult<Map<String, Object>> result = live.read(new PlateLatestQuery(plate), caller(ctx, true));
        if (result.rows().isEmpty() && result.stale()) {
            throw ApiException.unavailable("no sighting of " + plate + " in a standby replica, and the instance that"
                    + " owns it cannot answer now, so its absence cannot be confirmed; retry shortly");
        }
        if (result.rows().isEmpty()) {
            throw ApiException.notFound("no sighting of " + plate + " in the live store");
        }
        ctx.json(new PlateLatest(plate, result.rows().get(0), result.stale(), result.servedBy()));
    }

    public void platePasses(Context ctx) {
        String plate = params.plate(ctx, "plate");
        PlatePassesQuery query = queries.passes(ctx, plate);
        LiveResult<Map<String, Object>> result = live.read(query, caller(ctx, true));
        ctx.json(new PlatePasses(plate, query.range().from(), query.range().to(), result.rows().size(),
                result.rows(), result.stale(), result.servedBy()));
    }

    public void cameraCounts(Context ctx) {
        String camera = params.cameraId("camera", ctx.pathParam("camera"));
        counts(ctx, queries.cameraCounts(ctx, Optional.of(camera)));
    }

    public void allCameraCounts(Context ctx) {
        counts(ctx, queries.cameraCounts(ctx, Optional.empty()));
    }

    public void recentAlerts(Context ctx) {
        RecentAlertsQuery query = queries.recentAlerts(ctx);
        LiveResult<Map<String, Object>> result = live.read(query, caller(ctx, true));
        ctx.json(new RecentAlerts(query.range().from(), query.range().to(), result.rows().size(), result.rows(),
                result.stale(), result.servedBy()));
    }

    /** A peer's request: this instance's partitions only, never forwarded again. */
    public void peer(Context ctx) {
        String hop = ctx.header(PeerClient.HOP_HEADER);
        if (hop == null || hop.length() > 255) {
            throw ApiException.badRequest(PeerClient.HOP_HEADER, "peer routes need the " + PeerClient.HOP_HEADER
                    + " header naming the forwarding instance");
        }
        LiveQuery<?> query = queries.forPeer(ctx);
        if (query.auditAction().isPresent() && !Authenticator.principal(ctx).role().includes(Role.INVESTIGATOR)) {
            throw ApiException.forbidden("plate data needs the investigator role");
        }
        reply(ctx, query, partitions(ctx));
    }

    private <T> void reply(Context ctx, LiveQuery<T> query, Set<Integer> partitions) {
        boolean standby = params.bounded(ctx, "standby").map(Boolean::parseBoolean).orElse(false);
        Optional<String> purpose = query.auditAction().isPresent() ? Optional.of(params.purpose(ctx))
                : Optional.empty();
        LiveResult<T> result = live.readLocal(query, partitions, standby, Callers.ofPeer(ctx, purpose));
        ctx.json(new PeerReply(result.rows(), result.partitions(), result.servedBy().first(), result.stale()));
    }

    private void counts(Context ctx, CameraCountsQuery query) {
        LiveResult<MinuteCount> result = live.read(query, caller(ctx, false));
        long total = result.rows().stream().mapToLong(MinuteCount::reads).sum();
        TimeRange range = query.range();
        ctx.json(new CameraCounts(query.camera().orElse(null), range.from(), range.to(), total, result.rows().size(),
                result.rows(), result.stale(), result.servedBy()));
    }

    private Caller caller(Context ctx, boolean needsPurpose) {
        return Callers.of(ctx, needsPurpose ? Optional.of(params.purpose(ctx)) : Optional.empty());
    }

    private Set<Integer> partitions(Context ctx) {
        String raw = params.bounded(ctx, "partitions").orElseThrow(() -> ApiException.badRequest("partitions",
                "partitions is required on peer routes"));
        Set<Integer> partitions = new TreeSet<>();
        Arrays.stream(raw.split(",")).forEach(p -> partitions.add(params.integer("partitions", p, 0, MAX_PARTITIONS)));
        return partitions;
    }
}
