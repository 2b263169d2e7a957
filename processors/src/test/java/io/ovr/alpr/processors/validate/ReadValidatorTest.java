package io.ovr.alpr.processors.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.schema.PlateRead;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReadValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final ReadValidator validator = new ReadValidator(ValidationConfig.defaults(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldAcceptAGoodReadWithNormalizedAndFoldedText() {
        Validation result = validator.validate(read("cam", "abc-1234", 0.8f, NOW));

        assertThat(result).isEqualTo(new Validation.Valid(read("cam", "abc-1234", 0.8f, NOW), "ABC1234", "A8C1234"));
    }

    @Test
    void shouldRejectEachReasonWithADetail() {
        assertThat(reason(read("cam", "--", 0.9f, NOW))).isEqualTo(RejectReason.EMPTY_TEXT);
        assertThat(reason(read("cam", "A", 0.9f, NOW))).isEqualTo(RejectReason.TOO_SHORT);
        assertThat(reason(read("cam", "ABCDEFGHIJK", 0.9f, NOW))).isEqualTo(RejectReason.TOO_LONG);
        assertThat(reason(read("cam", "ABC123", 0.49f, NOW))).isEqualTo(RejectReason.LOW_CONFIDENCE);
        assertThat(reason(read("cam", "ABC123", Float.NaN, NOW))).isEqualTo(RejectReason.LOW_CONFIDENCE);
        assertThat(reason(read(" ", "ABC123", 0.9f, NOW))).isEqualTo(RejectReason.MISSING_CAMERA);
        assertThat(reason(read("cam", "ABC123", 0.9f, NOW.plusSeconds(301)))).isEqualTo(RejectReason.FUTURE_TIMESTAMP);
        assertThat(reason(read("cam", "ABC123", 0.9f, NOW.minusSeconds(8L * 86400)))).isEqualTo(RejectReason.TOO_LATE);
    }

    @Test
    void shouldAcceptTheEdgesOfTheLimits() {
        assertThat(validator.validate(read("cam", "AB", 0.5f, NOW.plusSeconds(300)))).isInstanceOf(Validation.Valid.class);
        assertThat(validator.validate(read("cam", "ABCDEFGHIJ", 0.9f, NOW.minusSeconds(7L * 86400))))
                .isInstanceOf(Validation.Valid.class);
    }

    private RejectReason reason(PlateRead read) {
        Validation result = validator.validate(read);
        assertThat(result).isInstanceOf(Validation.Rejected.class);
        assertThat(((Validation.Rejected) result).detail()).isNotBlank();
        return ((Validation.Rejected) result).reason();
    }

    private static PlateRead read(String camera, String text, float confidence, Instant at) {
        return PlateRead.newBuilder().setReadId("r").setCameraId(camera).setCapturedAt(at).setText(text)
                .setConfidence(confidence).build();
    }
}
