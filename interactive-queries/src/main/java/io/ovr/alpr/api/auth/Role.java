package io.ovr.alpr.api.auth;

import io.javalin.security.RouteRole;

/** What an API key may do; each role includes the ones before it. */
public enum Role implements RouteRole {
    /** Live counts, cameras, topology, recent alerts. */
    VIEWER,
    /** Plate lookups and searches, always with a purpose and audited. */
    INVESTIGATOR,
    /** Hotlist and camera changes, the audit log. */
    ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }
}
