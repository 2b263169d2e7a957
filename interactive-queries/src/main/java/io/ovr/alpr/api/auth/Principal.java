package io.ovr.alpr.api.auth;

/** Who called: the API key's name and role. */
public record Principal(String name, Role role) {
}
