package io.ovr.alpr.api.admin;

import io.javalin.http.Context;
import io.ovr.alpr.api.http.AvroJson;
import io.ovr.alpr.api.http.Bodies;
import io.ovr.alpr.api.http.Params;
import io.ovr.alpr.schema.Camera;
import java.util.List;
import java.util.Optional;

/** HTTP handlers of cameras: the list from the global camera table, registration to {@code alpr.cameras}. */
public final class CameraHandlers {

    /** A page of cameras. */
    public record CameraPage(List<Object> cameras, String next) {
    }

    /** A registration the broker acknowledged. */
    public record Accepted(String status, Object camera) {
    }

    private final AdminWriter writer;
    private final GlobalStores stores;
    private final Params params;
    private final Bodies bodies;

    public CameraHandlers(AdminWriter writer, GlobalStores stores, Params params, Bodies bodies) {
        this.writer = writer;
        this.stores = stores;
        this.params = params;
        this.bodies = bodies;
    }

    public void list(Context ctx) {
        Optional<String> after = params.bounded(ctx, "after").map(a -> params.cameraId("after", a));
        GlobalStores.Page<Camera> page = stores.cameras(after, params.limit(ctx, 100, 1000));
        ctx.json(new CameraPage(page.items().stream().map(AvroJson::plain).toList(), page.next().orElse(null)));
    }

    public void register(Context ctx) {
        Camera camera = bodies.json(ctx, CameraRequest.class).toCamera(params.now());
        writer.putCamera(camera);
        ctx.status(202).json(new Accepted("accepted", AvroJson.plain(camera)));
    }
}
