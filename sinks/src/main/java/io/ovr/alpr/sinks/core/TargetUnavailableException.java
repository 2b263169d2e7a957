package io.ovr.alpr.sinks.core;

/**
 * The sink's target (database, search node, ...) cannot take the batch now; the sink pauses,
 * backs off and retries the same batch without committing.
 */
public final class TargetUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TargetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
