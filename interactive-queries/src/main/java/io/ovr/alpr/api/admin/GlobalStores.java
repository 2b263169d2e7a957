package io.ovr.alpr.api.admin;

import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.processors.streams.HotlistStoreUpdater;
import io.ovr.alpr.processors.streams.PassProcessor;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.HotlistEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the global stores every instance holds in full (cameras, hotlist), so no routing is
 * needed. Global stores are not served by IQv2, so these reads use {@code KafkaStreams#store}.
 * Listing is keyset-paginated: {@code after} is the last key of the previous page.
 */
public final class GlobalStores {

    /** One page of a listing and the key to continue after, when there may be more. */
    public record Page<T>(List<T> items, Optional<String> next) {
    }

    private final KafkaStreams streams;

    public GlobalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    public Optional<HotlistEntry> hotlistEntry(String plate) {
        return Optional.ofNullable(this.<HotlistEntry>store(HotlistStoreUpdater.STORE).get(plate));
    }

    public Page<HotlistEntry> hotlist(Optional<String> after, int limit) {
        return page(HotlistStoreUpdater.STORE, after, limit);
    }

    public Page<Camera> cameras(Optional<String> after, int limit) {
        return page(PassProcessor.CAMERA_STORE, after, limit);
    }

    private <V> Page<V> page(String name, Optional<String> after, int limit) {
        ReadOnlyKeyValueStore<String, V> store = store(name);
        List<V> items = new ArrayList<>();
        String last = null;
        boolean more = false;
        try (KeyValueIterator<String, V> it = after.isPresent() ? store.range(after.get(), null) : store.all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                if (after.isPresent() && kv.key.equals(after.get())) {
                    continue;
                }
                if (items.size() == limit) {
                    more = true;
                    break;
                }
                items.add(kv.value);
                last = kv.key;
            }
        } catch (RuntimeException e) {
            throw ApiException.unavailable("store " + name + " is not readable now: " + e.getClass().getSimpleName());
        }
        return new Page<>(items, more ? Optional.of(last) : Optional.empty());
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (RuntimeException e) {
            throw ApiException.unavailable("store " + name + " is not readable now (" + e.getClass().getSimpleName()
                    + "); retry shortly");
        }
    }
}
