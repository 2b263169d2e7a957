package io.ovr.alpr.sinks.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.sinks.SinkFixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlateEventCopyTest {

    @Test
    void shouldEscapeTabsBackslashesAndNewlinesAndWriteNullsAsBackslashN() {
        PlateEvent e = SinkFixtures.event("0b6f3c52-4c1e-4f7a-9d0e-2f0c8a1b2c3d", "AB\tC\\1\n2",
                Instant.parse("2026-11-24T10:00:00Z"), 2, 0.5f);
        e.setVehicleMake(null);

        StringBuilder line = new StringBuilder();
        PlateEventCopy.append(line, e);
        String[] fields = line.toString().split("\t", -1);

        assertThat(line.toString()).endsWith("\n").doesNotContain("C\\1\n2");
        assertThat(fields).hasSize(PlateEventCopy.COLUMNS.size());
        assertThat(fields[4]).isEqualTo("AB\\tC\\\\1\\n2");
        assertThat(fields[PlateEventCopy.COLUMNS.indexOf("vehicle_make")]).isEqualTo("\\N");
        assertThat(fields[3]).isEqualTo("2026-11-24T10:00:00Z");
    }

    @Test
    void shouldAcceptOnlyCanonicalUuidsAsEventIds() {
        assertThat(PlateEventCopy.validEventId("0b6f3c52-4c1e-4f7a-9d0e-2f0c8a1b2c3d")).isTrue();
        assertThat(PlateEventCopy.validEventId("1-1-1-1-1")).isFalse();
        assertThat(PlateEventCopy.validEventId("event-1")).isFalse();
    }
}
