package io.ovr.alpr.api.iq;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ovr.alpr.api.http.AvroJson;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Avro records (events, alerts) as JSON rows: field names as in the schema, times as ISO-8601 text. */
final class EventRows {

    static final TypeReference<Map<String, Object>> TYPE = new TypeReference<>() {
    };

    private EventRows() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> row(SpecificRecord record) {
        return (Map<String, Object>) AvroJson.plain(record);
    }

    /** Newest first by an instant field of the rows. */
    static Comparator<Map<String, Object>> newestFirst(String field) {
        return Comparator.comparing((Map<String, Object> row) -> Instant.parse(String.valueOf(row.get(field))))
                .reversed();
    }
}
