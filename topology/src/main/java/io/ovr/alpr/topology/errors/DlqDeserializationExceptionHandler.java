package io.ovr.alpr.topology.errors;

import io.ovr.alpr.serdes.SchemaRegistryUnavailableException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undeserializable input (corrupt bytes, wrong magic byte, unknown schema id) goes to the DLQ with
 * its original bytes and reason {@code DESERIALIZATION_ERROR}; the application keeps running. A
 * record that cannot be decoded only because the schema registry is down is not dead-lettered: the
 * handler fails, the stream thread is replaced and reads it again, until the registry answers.
 */
public final class DlqDeserializationExceptionHandler implements DeserializationExceptionHandler {

    /** Reason code of undeserializable input. */
    public static final String DESERIALIZATION_ERROR = "DESERIALIZATION_ERROR";
    private static final Logger LOG = LoggerFactory.getLogger(DlqDeserializationExceptionHandler.class);

    private String dlqTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        dlqTopic = DeadLetters.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (SchemaRegistryUnavailableException.isCauseOf(exception)) {
            LOG.error("cannot decode {}-{}@{} while the schema registry is unavailable ({}); the stream thread stops"
                    + " and is replaced, and the record is read again from the last commit", record.topic(),
                    record.partition(), record.offset(), exception.getMessage());
            return Response.fail();
        }
        LOG.debug("undeserializable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                exception.getMessage());
        return Response.resume(DeadLetters.record(dlqTopic, context, record.key(), record.value(),
                DESERIALIZATION_ERROR, exception.getMessage()));
    }
}
