package io.ovr.alpr.api.iq;

import io.ovr.alpr.api.auth.Principal;
import java.util.Optional;

/**
 * Who asks a live query, as far as routing and auditing need it.
 *
 * @param principal the authenticated key's name and role
 * @param credentials the key as presented, forwarded to peers (every instance has the same keys)
 * @param requestId the request's id, sent along to peers so that their log lines match
 * @param client the client's address
 * @param purpose why the caller looks plates up (required for audited queries)
 */
public record Caller(Principal principal, String credentials, String requestId, String client,
                     Optional<String> purpose) {
}
