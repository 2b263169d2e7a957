package io.ovr.alpr.api.iq;

import io.ovr.alpr.api.auth.Principal;
import java.util.Optional;

/**
 * Who asks a live query, as far as routing and auditing need it.
 *
 * @param principal the authenticated key's name and role
 * @param credentials the key as presented, forwarded to peers (every instance has the same keys)
 * @param requestId links the audit entries of one client request across instances
 * @param client the client's address (for a peer read: the original client as the peer reported it)
 * @param purpose why the caller looks plates up (required for audited queries)
 * @param forwardedBy the peer that forwarded this request; empty when a client called directly
 */
public record Caller(Principal principal, String credentials, String requestId, String client,
                     Optional<String> purpose, Optional<String> forwardedBy) {
}
