package io.ovr.alpr.api.iq;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ovr.alpr.api.http.TimeRange;
import io.ovr.alpr.topology.stores.QueryStores;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads per minute ({@code camera-counts-1m}) in a time range: of one camera (routed to the
 * instance owning that camera's partition) or, without a camera, of every camera (all partitions),
 * ordered by camera and minute.
 */
public record CameraCountsQuery(Optional<String> camera, TimeRange range, int limit) implements LiveQuery<MinuteCount> {

    public static final String KIND = "camera-counts";
    public static final Duration DEFAULT_SPAN = Duration.ofHours(1);
    public static final Duration MAX_SPAN_ONE = Duration.ofDays(7);
    public static final Duration MAX_SPAN_ALL = Duration.ofDays(1);
    public static final int DEFAULT_LIMIT = 1440;
    public static final int MAX_LIMIT = 10_080;

    private static final Comparator<MinuteCount> ORDER = Comparator.comparing(MinuteCount::cameraId)
            .thenComparing(MinuteCount::minute);
    private static final TypeReference<MinuteCount> TYPE = new TypeReference<>() {
    };

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String store() {
        return QueryStores.CAMERA_COUNTS;
    }

    @Override
    public Optional<String> key() {
        return camera;
    }

    @Override
    public Part<MinuteCount> read(LocalStores stores, Set<Integer> partitions, boolean standby, String instance) {
        TopN<MinuteCount> top = new TopN<>(limit, ORDER);
        Set<Integer> answered = camera.isPresent()
                ? stores.cameraCounts(camera.get(), range.from(), range.to(), partitions, standby, top)
                : stores.allCameraCounts(range.from(), range.to(), partitions, standby, top);
        return new Part<>(top.sorted(), answered, instance, standby);
    }

    @Override
    public List<MinuteCount> merge(List<MinuteCount> rows) {
        return rows.stream().sorted(ORDER).limit(limit).toList();
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> params = new HashMap<>(Map.of("from", range.from().toString(), "to",
                range.to().toString(), "limit", Integer.toString(limit)));
        camera.ifPresent(c -> params.put("key", c));
        return params;
    }

    @Override
    public TypeReference<MinuteCount> rowType() {
        return TYPE;
    }

    @Override
    public Optional<String> auditAction() {
        return Optional.empty();
    }

    @Override
    public String subject() {
        return camera.orElse("*") + " " + range.from() + "/" + range.to();
    }
}
