package io.ovr.alpr.processors.pass;

/** What to do with a read once its pass is known. */
public enum PassDecision {
    /** First read of a new pass: emit at once with a new event id. */
    NEW,
    /** A read that raises the pass's best confidence: emit again with the same event id. */
    UPDATE,
    /** Any other read of the pass: count it, emit nothing. */
    SUPPRESS
}
