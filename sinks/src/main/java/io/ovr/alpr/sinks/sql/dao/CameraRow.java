package io.ovr.alpr.sinks.sql.dao;

import io.ovr.alpr.schema.Camera;
import java.time.Instant;

/** A row of {@code cameras}. */
public record CameraRow(String cameraId, String name, String site, String location, Double latitude,
                        Double longitude, Float heading, String defaultRegion, Long passWindowMs, boolean enabled,
                        Instant updatedAt) {

    public static CameraRow of(Camera c) {
        return new CameraRow(c.getCameraId(), c.getName(), c.getSite(), c.getLocation(), c.getLatitude(),
                c.getLongitude(), c.getHeading(), c.getDefaultRegion(), c.getPassWindowMs(), c.getEnabled(),
                c.getUpdatedAt());
    }
}
