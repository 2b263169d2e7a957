package io.ovr.alpr.processors.validate;

/** Why a read was rejected; the code travels in the {@code alpr.reject.reason} header of the DLQ. */
public enum RejectReason {
    EMPTY_TEXT,
    TOO_SHORT,
    TOO_LONG,
    LOW_CONFIDENCE,
    MISSING_CAMERA,
    MISSING_TIMESTAMP,
    FUTURE_TIMESTAMP,
    TOO_LATE
}
