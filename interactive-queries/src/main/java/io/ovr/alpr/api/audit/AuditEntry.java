package io.ovr.alpr.api.audit;

import java.time.Instant;

/**
 * One access to plate data, as ALPR access-log rules require (who, when, what, why, how much).
 * One entry per client request, written by the instance that answered the client (peers asked on
 * its behalf write none).
 *
 * @param principal the API key's name
 * @param role the key's role
 * @param action what was read, e.g. {@code plate.latest}, {@code history.camera}, {@code search.fuzzy}
 * @param plate the normalized plate when the access concerned one plate, else null
 * @param query what was asked (plate and range, search mode and filters, event id)
 * @param purpose why, as the caller stated it
 * @param results how many records the answer held
 * @param client the caller's address
 * @param instance this instance ({@code host:port} of its API)
 * @param requestId the request's {@code X-Request-Id}, as echoed to the client
 */
public record AuditEntry(Instant at, String principal, String role, String action, String plate, String query,
                         String purpose, int results, String client, String instance, String requestId) {
}
