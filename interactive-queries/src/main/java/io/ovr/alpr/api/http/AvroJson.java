package io.ovr.alpr.api.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Avro records as plain JSON-ready maps: field names as in the schema, timestamps as ISO-8601. */
public final class AvroJson {

    private AvroJson() {
    }

    public static Object plain(Object value) {
        if (value instanceof GenericRecord record) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Schema.Field field : record.getSchema().getFields()) {
                map.put(field.name(), plain(record.get(field.pos())));
            }
            return map;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AvroJson::plain).toList();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value;
    }
}
