package io.ovr.alpr.processors.validate;

/**
 * A business reject of a read, thrown by the validation step and turned by the topology's
 * processing exception handler into a DLQ record with the original bytes and the reason in
 * headers; the stream then resumes. Carries no stack trace: it is an expected outcome, not a fault.
 */
public final class RejectedReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    public RejectedReadException(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
