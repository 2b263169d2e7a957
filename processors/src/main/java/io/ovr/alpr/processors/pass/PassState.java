package io.ovr.alpr.processors.pass;

/**
 * The state of one vehicle pass: a plate (by folded text) seen by one camera with gaps under the
 * pass window.
 *
 * @param capturedAt event time of the pass's first read; the sinks' key with {@code eventId}
 * @param expiresAt event time from which a new read starts a new pass (last seen + window)
 */
public record PassState(String eventId, long capturedAt, long firstSeen, long lastSeen, long expiresAt,
                        float bestConfidence, int readCount) {
}
