package io.ovr.alpr.api.images;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.ovr.alpr.api.audit.Auditor;
import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.Params;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@code GET /api/v1/events/{id}/image}: 302 to a presigned URL of the event's frame or plate crop. */
public final class ImageHandlers {

    private static final Set<String> KINDS = Arrays.stream(ImageKind.values()).map(ImageKind::label)
            .collect(Collectors.toSet());

    private final ImageService images;
    private final Params params;
    private final Auditor auditor;

    public ImageHandlers(ImageService images, Params params, Auditor auditor) {
        this.images = images;
        this.params = params;
        this.auditor = auditor;
    }

    public void image(Context ctx) {
        String purpose = params.purpose(ctx);
        UUID id = params.uuid("id", ctx.pathParam("id"));
        ImageKind kind = ImageKind.valueOf(params.choice(ctx, "kind", "frame", KINDS).toUpperCase(Locale.ROOT));
        ImageService.Link link = images.link(id, kind);
        auditor.record(ctx, "image." + kind.label(), link.plate().orElse(null), "event " + id, purpose,
                link.url().isPresent() ? 1 : 0);
        String url = link.url().orElseThrow(() -> ApiException.notFound(link.plate().isEmpty()
                ? "no event " + id + " in the history" : "event " + id + " has no stored " + kind.label() + " image"))
                .toString();
        ctx.header("Cache-Control", "no-store");
        if (params.bool(ctx, "redirect", true)) {
            ctx.redirect(url, HttpStatus.FOUND);
        } else {
            ctx.json(Map.of("url", url));
        }
    }
}
