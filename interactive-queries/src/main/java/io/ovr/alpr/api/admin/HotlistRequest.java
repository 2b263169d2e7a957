package io.ovr.alpr.api.admin;

import java.time.Instant;

/** Body of {@code PUT /api/v1/hotlist/{plate}}: the entry's fields besides the plate (from the path). */
public record HotlistRequest(String reason, Integer priority, String listName, Instant expiresAt, String notes) {
}
