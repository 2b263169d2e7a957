package io.ovr.alpr.api.history;

/** Where an event's images are stored: object keys written by the edge, never shown to clients. */
public record ImageKeys(String normalized, String frameKey, String cropKey) {
}
