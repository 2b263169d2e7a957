package io.ovr.alpr.api.admin;

import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.Text;
import io.ovr.alpr.schema.Camera;
import java.time.Instant;
import java.util.regex.Pattern;

/** Body of {@code POST /api/v1/cameras}: a camera to register or update (keyed by {@code camera_id}). */
public record CameraRequest(String cameraId, String name, String site, String location, Double latitude,
                            Double longitude, Float heading, String defaultRegion, Long passWindowMs,
                            Boolean enabled) {

    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    /** The validated camera; 400 naming the first invalid field. */
    public Camera toCamera(Instant now) {
        if (cameraId == null || !CAMERA_ID.matcher(cameraId).matches()) {
            throw ApiException.badRequest("camera_id", "camera_id must be 1-64 characters A-Z a-z 0-9 . _ : -");
        }
        check("latitude", latitude, -90, 90);
        check("longitude", longitude, -180, 180);
        check("heading", heading == null ? null : heading.doubleValue(), 0, 360);
        check("pass_window_ms", passWindowMs == null ? null : passWindowMs.doubleValue(), 100, 3_600_000);
        if (defaultRegion != null && !REGION.matcher(defaultRegion).matches()) {
            throw ApiException.badRequest("default_region", "default_region must look like DE, US-CA or BR");
        }
        return Camera.newBuilder().setCameraId(cameraId).setName(Text.check("name", name, true, 200))
                .setSite(Text.check("site", site, false, 200)).setLocation(Text.check("location", location, false, 200))
                .setLatitude(latitude).setLongitude(longitude).setHeading(heading).setDefaultRegion(defaultRegion)
                .setPassWindowMs(passWindowMs).setEnabled(enabled == null || enabled).setUpdatedAt(now).build();
    }

    private static void check(String field, Double value, double min, double max) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            throw ApiException.badRequest(field, field + " must lie between " + min + " and " + max);
        }
    }
}
