package io.ovr.alpr.api.iq;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ovr.alpr.topology.stores.QueryStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The latest sighting of a plate ({@code plate-latest}). */
public record PlateLatestQuery(String plate) implements LiveQuery<Map<String, Object>> {

    public static final String KIND = "plate-latest";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String store() {
        return QueryStores.PLATE_LATEST;
    }

    @Override
    public Optional<String> key() {
        return Optional.of(plate);
    }

    @Override
    public Part<Map<String, Object>> read(LocalStores stores, Set<Integer> partitions, boolean standby,
                                          String instance) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<Integer> answered = stores.latest(plate, partitions, standby, event -> rows.add(EventRows.row(event)));
        return new Part<>(rows, answered, instance, standby);
    }

    @Override
    public List<Map<String, Object>> merge(List<Map<String, Object>> rows) {
        return rows.stream().sorted(EventRows.newestFirst("last_seen")).limit(1).toList();
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("key", plate);
    }

    @Override
    public TypeReference<Map<String, Object>> rowType() {
        return EventRows.TYPE;
    }

    @Override
    public Optional<String> auditAction() {
        return Optional.of("plate.latest");
    }

    @Override
    public String subject() {
        return plate;
    }
}
