package io.ovr.alpr.api.iq;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ovr.alpr.api.http.TimeRange;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.topology.stores.QueryStores;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Alerts raised in a time range, on every partition ({@code alerts-recent}), newest first. */
public record RecentAlertsQuery(TimeRange range, int limit) implements LiveQuery<Map<String, Object>> {

    public static final String KIND = "alerts-recent";
    public static final Duration DEFAULT_SPAN = Duration.ofDays(1);
    public static final Duration MAX_SPAN = Duration.ofDays(7);
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String store() {
        return QueryStores.ALERTS_RECENT;
    }

    @Override
    public Optional<String> key() {
        return Optional.empty();
    }

    @Override
    public Part<Map<String, Object>> read(LocalStores stores, Set<Integer> partitions, boolean standby,
                                          String instance) {
        TopN<Alert> top = new TopN<>(limit, Comparator.comparing(Alert::getRaisedAt).reversed()
                .thenComparing(Alert::getAlertId));
        Set<Integer> answered = stores.recentAlerts(range.from(), range.to(), partitions, standby, top);
        return new Part<>(top.sorted().stream().map(EventRows::row).toList(), answered, instance, standby);
    }

    @Override
    public List<Map<String, Object>> merge(List<Map<String, Object>> rows) {
        return rows.stream().sorted(EventRows.newestFirst("raised_at")).limit(limit).toList();
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("from", range.from().toString(), "to", range.to().toString(), "limit", Integer.toString(limit));
    }

    @Override
    public TypeReference<Map<String, Object>> rowType() {
        return EventRows.TYPE;
    }

    @Override
    public Optional<String> auditAction() {
        return Optional.of("alerts.recent");
    }

    @Override
    public String subject() {
        return range.from() + "/" + range.to();
    }
}
