package io.ovr.alpr.api.history;

import java.time.Instant;

/** One row of {@code plate_events_hourly}: reads of one camera (and site) in one hour. */
public record HourlyBucket(Instant bucket, String cameraId, String site, long reads, long uniquePlates,
                           Double meanConfidence) {
}
