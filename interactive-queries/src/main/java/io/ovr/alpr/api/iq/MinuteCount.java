package io.ovr.alpr.api.iq;

import java.time.Instant;

/** Reads of one camera in one minute (the window start). */
public record MinuteCount(String cameraId, Instant minute, long reads) {
}
