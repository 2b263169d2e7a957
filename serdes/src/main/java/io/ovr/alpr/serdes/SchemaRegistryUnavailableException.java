package io.ovr.alpr.serdes;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record could not be decoded because the Schema Registry did not answer (unreachable, or a 5xx
 * after the client's retries), not because the record is bad. Callers retry the record later
 * instead of dead-lettering it: the Streams deserialization handler fails the stream thread (which
 * is replaced and re-reads from its last commit), the sinks pause and retry the batch.
 */
public class SchemaRegistryUnavailableException extends SerializationException {

    private static final long serialVersionUID = 1L;

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code error} or one of its causes is this exception. */
    public static boolean isCauseOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
