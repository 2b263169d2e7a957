package io.ovr.alpr.topology.errors;

import io.ovr.alpr.processors.validate.RejectedReadException;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error policy for records that fail inside the topology: a business reject
 * ({@link RejectedReadException}) or an unexpected processing failure sends the source record's
 * original bytes to the DLQ with the reason in headers, and the application resumes.
 */
public final class DlqProcessingExceptionHandler implements ProcessingExceptionHandler {

    /** Reason code of an unexpected processing failure. */
    public static final String PROCESSING_ERROR = "PROCESSING_ERROR";
    private static final Logger LOG = LoggerFactory.getLogger(DlqProcessingExceptionHandler.class);

    private String dlqTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        dlqTopic = DeadLetters.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (exception instanceof RejectedReadException rejected) {
            LOG.debug("read rejected at {}-{}@{}: {} {}", context.topic(), context.partition(), context.offset(),
                    rejected.reason(), rejected.detail());
            return Response.resume(DeadLetters.record(dlqTopic, context, context.sourceRawKey(),
                    context.sourceRawValue(), rejected.reason().name(), rejected.detail()));
        }
        LOG.warn("processing failed in {} at {}-{}@{}; record sent to {}", context.processorNodeId(),
                context.topic(), context.partition(), context.offset(), dlqTopic, exception);
        return Response.resume(DeadLetters.record(dlqTopic, context, context.sourceRawKey(), context.sourceRawValue(),
                PROCESSING_ERROR, exception.getClass().getSimpleName() + ": " + exception.getMessage()));
    }
}
