package io.ovr.alpr.processors.pass;

import java.util.function.Supplier;

/**
 * Vehicle-pass rules. A read belongs to the current pass of its camera and folded plate while the
 * gap since the pass's last read is under the window; at or past the window it opens a new pass.
 * Reads arriving out of order (earlier than the last seen) stay in the pass.
 */
public final class PassLogic {

    /** The decision and the state to store after it. */
    public record Outcome(PassDecision decision, PassState state) {
    }

    private final Supplier<String> eventIds;

    public PassLogic(Supplier<String> eventIds) {
        this.eventIds = eventIds;
    }

    /**
     * @param current the pass in the store, or null
     * @param timestamp event time of the read
     * @param windowMs the camera's pass window
     */
    public Outcome apply(PassState current, long timestamp, float confidence, long windowMs) {
        if (current == null || timestamp >= current.expiresAt()) {
            return new Outcome(PassDecision.NEW, new PassState(eventIds.get(), timestamp, timestamp, timestamp,
                    timestamp + windowMs, confidence, 1));
        }
        long lastSeen = Math.max(current.lastSeen(), timestamp);
        long firstSeen = Math.min(current.firstSeen(), timestamp);
        boolean better = confidence > current.bestConfidence();
        PassState next = new PassState(current.eventId(), current.capturedAt(), firstSeen, lastSeen,
                lastSeen + windowMs, Math.max(confidence, current.bestConfidence()), current.readCount() + 1);
        return new Outcome(better ? PassDecision.UPDATE : PassDecision.SUPPRESS, next);
    }
}
