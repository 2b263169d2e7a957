package io.ovr.alpr.processors.streams;

import io.ovr.alpr.processors.validate.ReadValidator;
import io.ovr.alpr.processors.validate.RejectedReadException;
import io.ovr.alpr.processors.validate.Validation;
import io.ovr.alpr.schema.PlateRead;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Validates and normalizes each read; a reject is thrown as {@link RejectedReadException} so the
 * topology's one error policy sends the original bytes to the DLQ with the reason.
 */
public final class ValidateProcessor implements FixedKeyProcessor<String, PlateRead, Validation.Valid> {

    public static final String NAME = "validate-read";

    private final ReadValidator validator;
    private final PipelineCounters counters;
    private FixedKeyProcessorContext<String, Validation.Valid> context;

    public ValidateProcessor(ReadValidator validator, PipelineCounters counters) {
        this.validator = validator;
        this.counters = counters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Validation.Valid> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, PlateRead> record) {
        counters.readsIn.increment();
        Validation outcome = validator.validate(record.value());
        if (outcome instanceof Validation.Rejected rejected) {
            counters.rejected(rejected.reason());
            throw new RejectedReadException(rejected.reason(), rejected.detail());
        }
        context.forward(record.withValue((Validation.Valid) outcome));
    }
}
