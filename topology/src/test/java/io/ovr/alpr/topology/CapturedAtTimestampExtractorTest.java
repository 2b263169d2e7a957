package io.ovr.alpr.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.schema.PlateRead;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Event time from {@code captured_at}, and what an absurd {@code captured_at} is replaced with. */
class CapturedAtTimestampExtractorTest {

    private static final long SENT = System.currentTimeMillis();
    private final CapturedAtTimestampExtractor extractor = new CapturedAtTimestampExtractor();

    @Test
    void shouldUseCapturedAtAsEventTime() {
        Instant capturedAt = Instant.ofEpochMilli(SENT).minus(Duration.ofHours(3));

        assertThat(extractor.extract(record(read(capturedAt), SENT), 0)).isEqualTo(capturedAt.toEpochMilli());
    }

    @Test
    void shouldNotLetAReadFromTheFarFutureMoveStreamTime() {
        Instant future = Instant.ofEpochMilli(SENT).plus(Duration.ofDays(3));

        assertThat(extractor.extract(record(read(future), SENT), SENT - 60_000)).isEqualTo(SENT - 60_000);
        assertThat(extractor.extract(record(read(future), SENT), -1)).as("first record of the partition")
                .isEqualTo(SENT);
    }

    @Test
    void shouldGiveANegativeCapturedAtAUsableTimestampInsteadOfDroppingTheRead() {
        assertThat(extractor.extract(record(read(Instant.ofEpochMilli(-5_000)), SENT), SENT - 60_000))
                .isEqualTo(SENT - 60_000);
        assertThat(extractor.extract(record(read(Instant.ofEpochMilli(-5_000)), SENT), -1)).isEqualTo(SENT);
    }

    private static PlateRead read(Instant capturedAt) {
        return PlateRead.newBuilder().setReadId("r").setCameraId("cam-1").setCapturedAt(capturedAt).setText("ABC1234")
                .setConfidence(0.9f).build();
    }

    private static ConsumerRecord<Object, Object> record(Object value, long timestamp) {
        return new ConsumerRecord<>("alpr.detections.raw", 0, 0L, timestamp, TimestampType.CREATE_TIME, 0, 0, "cam-1",
                value, new RecordHeaders(), Optional.empty());
    }
}
