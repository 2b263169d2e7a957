package io.ovr.alpr.api.iq;

import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.topology.stores.QueryStores;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.kstream.Windowed;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads this instance's partitions of the query stores with IQv2. Every read names the partitions
 * it wants and whether a standby (or restoring) copy may answer; it hands each row to a sink and
 * returns the partitions that answered, so the caller knows what is still missing. Partitions
 * restoring from their changelog do not answer ({@link RestoringPartitions}). Time ranges are
 * half-open: {@code [from, to)}.
 */
public final class LocalStores {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStores.class);

    private final KafkaStreams streams;
    private final RestoringPartitions restoring;

    public LocalStores(KafkaStreams streams, RestoringPartitions restoring) {
        this.streams = streams;
        this.restoring = restoring;
    }

    public Set<Integer> latest(String plate, Set<Integer> partitions, boolean standby, Consumer<PlateEvent> sink) {
        return run(QueryStores.PLATE_LATEST, KeyQuery.<String, PlateEvent>withKey(plate), partitions, standby,
                event -> {
                    if (event != null) {
                        sink.accept(event);
                    }
                });
    }

    public Set<Integer> passes(String plate, Instant from, Instant to, Set<Integer> partitions, boolean standby,
                               Consumer<PlateEvent> sink) {
        return run(QueryStores.PLATE_PASSES, WindowKeyQuery.<String, PlateEvent>withKeyAndWindowStartRange(plate,
                from, to.minusMillis(1)), partitions, standby, (WindowStoreIterator<PlateEvent> it) -> {
                    try (it) {
                        it.forEachRemaining(kv -> sink.accept(kv.value));
                    }
                });
    }

    public Set<Integer> cameraCounts(String camera, Instant from, Instant to, Set<Integer> partitions,
                                     boolean standby, Consumer<MinuteCount> sink) {
        return run(QueryStores.CAMERA_COUNTS, WindowKeyQuery.<String, ValueAndTimestamp<Long>>withKeyAndWindowStartRange(
                camera, from, to.minusMillis(1)), partitions, standby, (WindowStoreIterator<ValueAndTimestamp<Long>> it) -> {
                    try (it) {
                        it.forEachRemaining(kv -> sink.accept(new MinuteCount(camera, Instant.ofEpochMilli(kv.key),
                                kv.value.value())));
                    }
                });
    }

    public Set<Integer> allCameraCounts(Instant from, Instant to, Set<Integer> partitions, boolean standby,
                                        Consumer<MinuteCount> sink) {
        return run(QueryStores.CAMERA_COUNTS, WindowRangeQuery.<String, ValueAndTimestamp<Long>>withWindowStartRange(
                from, to.minusMillis(1)), partitions, standby,
                (KeyValueIterator<Windowed<String>, ValueAndTimestamp<Long>> it) -> {
                    try (it) {
                        it.forEachRemaining(kv -> sink.accept(new MinuteCount(kv.key.key(),
                                kv.key.window().startTime(), kv.value.value())));
                    }
                });
    }

    public Set<Integer> recentAlerts(Instant from, Instant to, Set<Integer> partitions, boolean standby,
                                     Consumer<Alert> sink) {
        return run(QueryStores.ALERTS_RECENT, WindowRangeQuery.<String, Alert>withWindowStartRange(from,
                to.minusMillis(1)), partitions, standby, (KeyValueIterator<Windowed<String>, Alert> it) -> {
                    try (it) {
                        it.forEachRemaining(kv -> sink.accept(kv.value));
                    }
                });
    }

    /** Runs one query on the given partitions; hands each successful partition's result to {@code each}. */
    private <R> Set<Integer> run(String store, Query<R> query, Set<Integer> wanted, boolean standby,
                                 Consumer<R> each) {
        Set<Integer> partitions = new TreeSet<>(wanted);
        partitions.removeIf(p -> restoring.isRestoring(store, p));
        if (partitions.isEmpty()) {
            return Set.of();
        }
        StateQueryRequest<R> request = StateQueryRequest.inStore(store).withQuery(query).withPartitions(partitions);
        StateQueryResult<R> result;
        try {
            result = streams.query(standby ? request : request.requireActive());
        } catch (RuntimeException e) {
            LOG.debug("store {} not queryable here: {}", store, e.toString());
            return Set.of();
        }
        Set<Integer> answered = new TreeSet<>();
        for (Map.Entry<Integer, QueryResult<R>> entry : result.getPartitionResults().entrySet()) {
            QueryResult<R> partition = entry.getValue();
            if (partition.isSuccess()) {
                each.accept(partition.getResult());
                answered.add(entry.getKey());
            } else {
                LOG.debug("store {} partition {} not answered here: {} {}", store, entry.getKey(),
                        partition.getFailureReason(), partition.getFailureMessage());
            }
        }
        return answered;
    }
}
