package io.ovr.alpr.sinks.notify;

/**
 * A delivery attempt failed.
 *
 * @see #retryable()
 */
final class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;
    private final boolean retryable;
    private final Integer status;

    DeliveryException(String message, boolean retryable, Integer status, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.status = status;
    }

    /** Whether another attempt may succeed (timeouts, 429, 5xx, connection and SMTP transient errors). */
    boolean retryable() {
        return retryable;
    }

    /** The HTTP status when there was a response. */
    Integer status() {
        return status;
    }
}
