package io.ovr.alpr.api.iq;

import io.ovr.alpr.api.http.ApiException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The metadata lookup of interactive queries: which instance owns a key ({@code queryMetadataForKey}
 * with the keys' serializer, as the producers partition them) and, for all-keys queries, the
 * owner of every partition of a store (the same lookup with a partitioner that names each
 * partition in turn, which also yields the store's partition count).
 */
public final class Placements {

    private final KafkaStreams streams;
    private final Serializer<String> keySerializer = new StringSerializer();

    public Placements(KafkaStreams streams) {
        this.streams = streams;
    }

    public Placement forKey(String store, String key) {
        KeyQueryMetadata metadata = lookup(store, () -> streams.queryMetadataForKey(store, key, keySerializer));
        return of(Set.of(metadata));
    }

    public Placement forAll(String store) {
        AtomicInteger count = new AtomicInteger(-1);
        KeyQueryMetadata first = lookup(store, () -> streams.queryMetadataForKey(store, "", partitionerFor(0, count)));
        Set<KeyQueryMetadata> all = new HashSet<>(Set.of(first));
        for (int partition = 1; partition < count.get(); partition++) {
            int p = partition;
            all.add(lookup(store, () -> streams.queryMetadataForKey(store, "", partitionerFor(p, count))));
        }
        return of(all);
    }

    private static StreamPartitioner<String, Object> partitionerFor(int partition, AtomicInteger count) {
        return (topic, key, value, partitions) -> {
            count.set(partitions);
            return Optional.of(Set.of(partition));
        };
    }

    private static KeyQueryMetadata lookup(String store, Supplier<KeyQueryMetadata> call) {
        KeyQueryMetadata metadata;
        try {
            metadata = call.get();
        } catch (RuntimeException e) {
            throw ApiException.unavailable("the streams application is not running here (" + e.getClass()
                    .getSimpleName() + "); retry shortly");
        }
        if (metadata == null || metadata.partition() < 0) {
            throw ApiException.unavailable("where store " + store + " lives is not known yet (rebalancing)");
        }
        return metadata;
    }

    private static Placement of(Set<KeyQueryMetadata> all) {
        TreeSet<Integer> partitions = new TreeSet<>();
        Map<Integer, HostInfo> active = new TreeMap<>();
        Map<Integer, Set<HostInfo>> standbys = new TreeMap<>();
        for (KeyQueryMetadata m : all) {
            partitions.add(m.partition());
            if (known(m.activeHost())) {
                active.put(m.partition(), m.activeHost());
            }
            Set<HostInfo> hosts = new HashSet<>();
            m.standbyHosts().stream().filter(Placements::known).forEach(hosts::add);
            standbys.put(m.partition(), hosts);
        }
        return new Placement(partitions, active, standbys);
    }

    private static boolean known(HostInfo host) {
        return host != null && host.port() >= 0;
    }
}
