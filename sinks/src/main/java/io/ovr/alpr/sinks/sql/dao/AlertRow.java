package io.ovr.alpr.sinks.sql.dao;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code alerts}.
 *
 * @param hotlistEntry the hotlist entry as JSON, or null
 * @param event the event that raised the alert as JSON
 */
public record AlertRow(UUID alertId, UUID eventId, Instant eventCapturedAt, String kind, String matchKind,
                       Integer editDistance, String ruleName, int priority, String reason, String plate,
                       String matchedPlate, String hotlistEntry, String cameraId, String site, Instant raisedAt,
                       String event) {
}
