package io.ovr.alpr.api.admin;

import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.PlateInput;
import io.ovr.alpr.api.http.Text;
import io.ovr.alpr.schema.HotlistEntry;
import java.time.Instant;

/**
 * Builds validated hotlist entries, the same way for the API and the CSV import: the plate
 * normalized, a reason, priority 1-5, optional list name, expiry and notes, and who wrote it when.
 */
public final class HotlistEntries {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private HotlistEntries() {
    }

    public static HotlistEntry entry(String plate, String reason, Integer priority, String listName,
                                     Instant expiresAt, String notes, String writtenBy, Instant now) {
        int p = priority == null ? 1 : priority;
        if (p < 1 || p > 5) {
            throw ApiException.badRequest("priority", "priority must be 1 (low) to 5 (critical)");
        }
        if (expiresAt != null && (expiresAt.isBefore(EARLIEST) || expiresAt.isAfter(LATEST))) {
            throw ApiException.badRequest("expires_at", "expires_at must lie between " + EARLIEST + " and " + LATEST);
        }
        return HotlistEntry.newBuilder()
                .setPlate(PlateInput.normalize("plate", plate))
                .setReason(Text.check("reason", reason, true, 200))
                .setPriority(p)
                .setListName(Text.check("list_name", listName, false, 100))
                .setExpiresAt(expiresAt)
                .setNotes(Text.multiline("notes", notes, 1000))
                .setAddedBy(writtenBy)
                .setAddedAt(now)
                .build();
    }
}
