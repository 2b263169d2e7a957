package io.ovr.alpr.processors.validate;

import io.ovr.alpr.schema.PlateRead;

/** The outcome of validating a read: the read with its text forms, or the reason it was rejected. */
public sealed interface Validation {

    /** A read that passed, with its normalized and folded text. */
    record Valid(PlateRead read, String normalized, String folded) implements Validation {
    }

    /** A rejected read. */
    record Rejected(RejectReason reason, String detail) implements Validation {
    }
}
