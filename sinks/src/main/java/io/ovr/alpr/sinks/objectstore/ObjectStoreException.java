package io.ovr.alpr.sinks.objectstore;

/** An object-store request failed; the message names the bucket, the key and the server's error code. */
public final class ObjectStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
