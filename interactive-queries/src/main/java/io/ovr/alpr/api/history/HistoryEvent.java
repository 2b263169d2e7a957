package io.ovr.alpr.api.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/**
 * A vehicle pass as the history routes show it: the columns of {@code plate_events} a client needs,
 * without the object-store keys (images are reached through {@code image_url} and
 * {@code plate_image_url}, API paths).
 *
 * @param candidates the alternative readings as JSON ({@code [{"text":..,"confidence":..}]})
 */
public record HistoryEvent(UUID eventId, Instant capturedAt, String cameraId, String cameraName, String site,
                           String location, String plateText, String normalized, String folded, float confidence,
                           @JsonRawValue String candidates, String region, Float regionConfidence,
                           String vehicleType, String vehicleMake, String vehicleModel, String vehicleColor,
                           Double latitude, Double longitude, Float heading, String direction, int readCount,
                           Instant firstSeen, Instant lastSeen, Instant processedAt, String imageUrl,
                           String plateImageUrl) {
}
