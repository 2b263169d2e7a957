package io.ovr.alpr.api.iq;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ovr.alpr.api.http.TimeRange;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.topology.stores.QueryStores;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The passes of a plate whose first read lies in a time range ({@code plate-passes}), newest first. */
public record PlatePassesQuery(String plate, TimeRange range, int limit) implements LiveQuery<Map<String, Object>> {

    public static final String KIND = "plate-passes";
    public static final Duration DEFAULT_SPAN = Duration.ofDays(1);
    public static final Duration MAX_SPAN = Duration.ofDays(31);
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String store() {
        return QueryStores.PLATE_PASSES;
    }

    @Override
    public Optional<String> key() {
        return Optional.of(plate);
    }

    @Override
    public Part<Map<String, Object>> read(LocalStores stores, Set<Integer> partitions, boolean standby,
                                          String instance) {
        TopN<PlateEvent> top = new TopN<>(limit, Comparator.comparing(PlateEvent::getCapturedAt).reversed());
        Set<Integer> answered = stores.passes(plate, range.from(), range.to(), partitions, standby, top);
        return new Part<>(top.sorted().stream().map(EventRows::row).toList(), answered, instance, standby);
    }

    @Override
    public List<Map<String, Object>> merge(List<Map<String, Object>> rows) {
        return rows.stream().sorted(EventRows.newestFirst("captured_at")).limit(limit).toList();
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("key", plate, "from", range.from().toString(), "to", range.to().toString(), "limit",
                Integer.toString(limit));
    }

    @Override
    public TypeReference<Map<String, Object>> rowType() {
        return EventRows.TYPE;
    }

    @Override
    public Optional<String> auditAction() {
        return Optional.of("plate.passes");
    }

    @Override
    public String subject() {
        return plate + " " + range.from() + "/" + range.to();
    }
}
