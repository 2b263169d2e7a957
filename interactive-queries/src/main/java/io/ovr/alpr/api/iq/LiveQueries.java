package io.ovr.alpr.api.iq;

import io.javalin.http.Context;
import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.Params;
import io.ovr.alpr.api.http.TimeRange;
import java.util.Optional;

/** Builds live queries from request parameters, the same for a client's request and a peer's. */
public final class LiveQueries {

    private final Params params;

    public LiveQueries(Params params) {
        this.params = params;
    }

    public PlatePassesQuery passes(Context ctx, String plate) {
        TimeRange range = params.range(ctx, PlatePassesQuery.DEFAULT_SPAN, PlatePassesQuery.MAX_SPAN);
        return new PlatePassesQuery(plate, range, params.limit(ctx, PlatePassesQuery.DEFAULT_LIMIT,
                PlatePassesQuery.MAX_LIMIT));
    }

    public CameraCountsQuery cameraCounts(Context ctx, Optional<String> camera) {
        TimeRange range = params.range(ctx, CameraCountsQuery.DEFAULT_SPAN, camera.isPresent()
                ? CameraCountsQuery.MAX_SPAN_ONE : CameraCountsQuery.MAX_SPAN_ALL);
        return new CameraCountsQuery(camera, range, params.limit(ctx, CameraCountsQuery.DEFAULT_LIMIT,
                CameraCountsQuery.MAX_LIMIT));
    }

    public RecentAlertsQuery recentAlerts(Context ctx) {
        TimeRange range = params.range(ctx, RecentAlertsQuery.DEFAULT_SPAN, RecentAlertsQuery.MAX_SPAN);
        return new RecentAlertsQuery(range, params.limit(ctx, RecentAlertsQuery.DEFAULT_LIMIT,
                RecentAlertsQuery.MAX_LIMIT));
    }

    /** The query a peer forwarded: its kind from the path, its key and range from the parameters. */
    public LiveQuery<?> forPeer(Context ctx) {
        String kind = ctx.pathParam("kind");
        return switch (kind) {
            case PlateLatestQuery.KIND -> new PlateLatestQuery(params.plate("key", ctx.queryParam("key")));
            case PlatePassesQuery.KIND -> passes(ctx, params.plate("key", ctx.queryParam("key")));
            case CameraCountsQuery.KIND -> cameraCounts(ctx, params.bounded(ctx, "key")
                    .map(key -> params.cameraId("key", key)));
            case RecentAlertsQuery.KIND -> recentAlerts(ctx);
            default -> throw ApiException.notFound("no live query named " + (kind.length() > 40 ? "that" : kind));
        };
    }
}
