package io.ovr.alpr.api.audit;

import java.time.Instant;

/**
 * One access to plate data, as ALPR access-log rules require (who, when, what, why, how much).
 *
 * @param principal the API key's name
 * @param role the key's role
 * @param action what was read, e.g. {@code plate.latest}
 * @param subject the plate or query that was read
 * @param purpose why, as the caller stated it
 * @param resultCount how many records the answer held
 * @param client the caller's address (for a peer read: the original client as the peer reported it)
 * @param instance this instance ({@code host:port} of its API)
 * @param requestId the id that links the entry of the instance that answered the client to the
 *     entries of the peers it asked
 * @param forwardedBy the peer that forwarded the request, or null when the client called directly
 */
public record AuditEntry(Instant at, String principal, String role, String action, String subject, String purpose,
                         int resultCount, String client, String instance, String requestId, String forwardedBy) {
}
