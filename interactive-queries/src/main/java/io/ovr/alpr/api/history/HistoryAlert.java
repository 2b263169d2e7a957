package io.ovr.alpr.api.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code alerts} as the alerts history shows it (without the embedded event; fetch it by id). */
public record HistoryAlert(UUID alertId, UUID eventId, Instant eventCapturedAt, String kind, String matchKind,
                           Integer editDistance, String ruleName, int priority, String reason, String plate,
                           String matchedPlate, @JsonRawValue String hotlistEntry, String cameraId, String site,
                           Instant raisedAt) {
}
