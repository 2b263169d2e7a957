package io.ovr.alpr.sinks.sql.dao;

import java.time.Instant;
import java.util.UUID;

/** The main columns of a {@code plate_events} row, as the history API reads them. */
public record StoredPlateEvent(UUID eventId, Instant capturedAt, String cameraId, String site, String plateText,
                               String normalized, String folded, float confidence, int readCount, Instant firstSeen,
                               Instant lastSeen, String candidates) {
}
