package io.ovr.alpr.api.auth;

import io.javalin.security.RouteRole;

/** What an API key may do; each role includes the ones before it. */
public enum Role implements RouteRole {
    /** Live camera counts, the camera list, the topology, instances. */
    VIEWER,
    /** Plate lookups, passes and recent alerts: always with a purpose, always audited. */
    INVESTIGATOR,
    /** Hotlist and camera changes. */
    ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }
}
