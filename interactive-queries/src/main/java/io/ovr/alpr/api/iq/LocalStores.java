package io.ovr.alpr.api.iq;

import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.topology.stores.QueryStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.WindowKeyQuery;
import org.apache.kafka.streams.query.WindowRangeQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads this instance's state stores with IQv2. Key lookups target the key's partition; with
 * {@code allowStandby} a standby replica answers too. A store that is not (yet) queryable here
 * surfaces as 503 with Retry-After.
 */
public final class LocalStores {

    /** Minute counts of one camera. */
    public record MinuteCount(String cameraId, Instant minute, long reads) {
    }

    private final KafkaStreams streams;

    public LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    public Optional<PlateEvent> latest(String plate, int partition, boolean allowStandby) {
        QueryResult<PlateEvent> result = one(request(QueryStores.PLATE_LATEST, KeyQuery.<String, PlateEvent>withKey(plate),
                partition, allowStandby));
        return Optional.ofNullable(result.getResult());
    }

    public List<PlateEvent> passes(String plate, Instant from, Instant to, int partition, boolean allowStandby) {
        QueryResult<WindowStoreIterator<PlateEvent>> result = one(request(QueryStores.PLATE_PASSES,
                WindowKeyQuery.<String, PlateEvent>withKeyAndWindowStartRange(plate, from, to), partition,
                allowStandby));
        List<PlateEvent> passes = new ArrayList<>();
        try (WindowStoreIterator<PlateEvent> it = result.getResult()) {
            it.forEachRemaining(kv -> passes.add(kv.value));
        }
        return passes;
    }

    public List<MinuteCount> cameraCounts(String camera, Instant from, Instant to, int partition, boolean standby) {
        QueryResult<WindowStoreIterator<ValueAndTimestamp<Long>>> result = one(request(QueryStores.CAMERA_COUNTS,
                WindowKeyQuery.<String, ValueAndTimestamp<Long>>withKeyAndWindowStartRange(camera, from, to),
                partition, standby));
        List<MinuteCount> counts = new ArrayList<>();
        try (WindowStoreIterator<ValueAndTimestamp<Long>> it = result.getResult()) {
            it.forEachRemaining(kv -> counts.add(new MinuteCount(camera, Instant.ofEpochMilli(kv.key),
                    kv.value.value())));
        }
        return counts;
    }

    /** Counts of every camera whose partitions this instance hosts as active. */
    public List<MinuteCount> allCameraCounts(Instant from, Instant to) {
        List<MinuteCount> counts = new ArrayList<>();
        for (QueryResult<KeyValueIterator<Windowed<String>, ValueAndTimestamp<Long>>> result : all(
                QueryStores.CAMERA_COUNTS, WindowRangeQuery.<String, ValueAndTimestamp<Long>>withWindowStartRange(
                        from, to))) {
            try (KeyValueIterator<Windowed<String>, ValueAndTimestamp<Long>> it = result.getResult()) {
                it.forEachRemaining(kv -> counts.add(new MinuteCount(kv.key.key(), kv.key.window().startTime(),
                        kv.value.value())));
            }
        }
        return counts;
    }

    /** Alerts raised in the range on the partitions this instance hosts as active. */
    public List<Alert> recentAlerts(Instant from, Instant to) {
        List<Alert> alerts = new ArrayList<>();
        for (QueryResult<KeyValueIterator<Windowed<String>, Alert>> result : all(QueryStores.ALERTS_RECENT,
                WindowRangeQuery.<String, Alert>withWindowStartRange(from, to))) {
            try (KeyValueIterator<Windowed<String>, Alert> it = result.getResult()) {
                it.forEachRemaining((KeyValue<Windowed<String>, Alert> kv) -> alerts.add(kv.value));
            }
        }
        return alerts;
    }

    private static <R> StateQueryRequest<R> request(String store, Query<R> query, int partition, boolean standby) {
        StateQueryRequest<R> request = StateQueryRequest.inStore(store).withQuery(query).withPartitions(Set.of(partition));
        return standby ? request : request.requireActive();
    }

    private <R> QueryResult<R> one(StateQueryRequest<R> request) {
        StateQueryResult<R> result = query(request);
        QueryResult<R> partition = result.getOnlyPartitionResult();
        if (partition == null || partition.isFailure()) {
            throw unavailable(request.getStoreName(), partition);
        }
        return partition;
    }

    private <R> List<QueryResult<R>> all(String store, Query<R> query) {
        StateQueryResult<R> result = query(StateQueryRequest.inStore(store).withQuery(query).requireActive());
        List<QueryResult<R>> successes = new ArrayList<>();
        for (QueryResult<R> partition : result.getPartitionResults().values()) {
            if (partition.isSuccess()) {
                successes.add(partition);
            } else if (partition.getFailureReason() != FailureReason.NOT_ACTIVE
                    && partition.getFailureReason() != FailureReason.NOT_PRESENT) {
                throw unavailable(store, partition);
            }
        }
        return successes;
    }

    private <R> StateQueryResult<R> query(StateQueryRequest<R> request) {
        try {
            return streams.query(request);
        } catch (RuntimeException e) {
            throw ApiException.unavailable("store " + request.getStoreName() + " is not queryable now: "
                    + e.getClass().getSimpleName());
        }
    }

    private static ApiException unavailable(String store, QueryResult<?> result) {
        String reason = result == null ? "no result" : result.getFailureReason() + ": " + result.getFailureMessage();
        return ApiException.unavailable("store " + store + " is not queryable on this instance now (" + reason + ")");
    }
}
