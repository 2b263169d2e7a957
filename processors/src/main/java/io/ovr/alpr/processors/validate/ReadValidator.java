package io.ovr.alpr.processors.validate;

import io.ovr.alpr.processors.text.PlateText;
import io.ovr.alpr.schema.PlateRead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Checks a raw read against {@link ValidationConfig} and derives its normalized and folded text. */
public final class ReadValidator {

    private final ValidationConfig config;
    private final Clock clock;

    public ReadValidator(ValidationConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Validation validate(PlateRead read) {
        if (read.getCameraId() == null || read.getCameraId().isBlank()) {
            return new Validation.Rejected(RejectReason.MISSING_CAMERA, "camera_id is empty");
        }
        String normalized = PlateText.normalize(read.getText());
        if (normalized.isEmpty()) {
            return new Validation.Rejected(RejectReason.EMPTY_TEXT, "no A-Z0-9 character in '" + clip(read.getText())
                    + "'");
        }
        if (normalized.length() < config.minLength()) {
            return new Validation.Rejected(RejectReason.TOO_SHORT, "'" + normalized + "' has fewer than "
                    + config.minLength() + " characters");
        }
        if (normalized.length() > config.maxLength()) {
            return new Validation.Rejected(RejectReason.TOO_LONG, "'" + clip(normalized) + "' has "
                    + normalized.length() + " characters, more than " + config.maxLength());
        }
        if (!(read.getConfidence() >= config.minConfidence())) {
            return new Validation.Rejected(RejectReason.LOW_CONFIDENCE, "confidence " + read.getConfidence()
                    + " below " + config.minConfidence());
        }
        return checkTime(read.getCapturedAt()).orElse(new Validation.Valid(read, normalized,
                PlateText.fold(normalized)));
    }

    private Optional<Validation> checkTime(Instant capturedAt) {
        if (capturedAt == null) {
            return Optional.of(new Validation.Rejected(RejectReason.MISSING_TIMESTAMP, "captured_at is"
                    + " missing"));
        }
        Instant now = clock.instant();
        if (capturedAt.isAfter(now.plus(config.maxFutureSkew()))) {
            return Optional.of(new Validation.Rejected(RejectReason.FUTURE_TIMESTAMP, "captured_at "
                    + capturedAt + " is " + Duration.between(now, capturedAt).toSeconds() + " s in the future"));
        }
        if (capturedAt.isBefore(now.minus(config.maxLateness()))) {
            return Optional.of(new Validation.Rejected(RejectReason.TOO_LATE, "captured_at " + capturedAt
                    + " is older than the allowed lateness " + config.maxLateness()));
        }
        return Optional.empty();
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
