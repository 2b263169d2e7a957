package io.ovr.alpr.serdes.registry;

/**
 * A registry answer that was not a success, with the HTTP status and Confluent's error code
 * (40401 subject not found, 40403 schema not found, 409 incompatible, ...).
 */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message + " (HTTP " + status + ", error_code " + errorCode + ")");
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    /** True when the registry did not answer at all, or answered 5xx: the call may succeed later. */
    public boolean isUnavailable() {
        return status == -1 || status >= 500;
    }
}
