package io.ovr.alpr.processors.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpiryQueueTest {

    private final ExpiryQueue queue = new ExpiryQueue();
    private final Map<String, Long> store = new HashMap<>();
    private final List<String> deleted = new ArrayList<>();

    @Test
    void shouldDeleteOnlyPassesWhoseExpiryHasPassed() {
        open("a", 100);
        open("b", 200);

        int count = expire(150);

        assertThat(count).isEqualTo(1);
        assertThat(deleted).containsExactly("a");
        assertThat(store).containsOnlyKeys("b");
    }

    @Test
    void shouldDeleteAtExactlyTheExpiry() {
        open("a", 100);

        expire(99);
        expire(100);

        assertThat(deleted).containsExactly("a");
    }

    @Test
    void shouldKeepAPassExtendedSinceItWasQueuedAndExpireItLater() {
        open("a", 100);
        store.put("a", 300L);

        expire(150);
        assertThat(deleted).isEmpty();
        assertThat(queue.size()).isEqualTo(1);

        expire(300);
        assertThat(deleted).containsExactly("a");
        assertThat(queue.size()).isZero();
    }

    @Test
    void shouldSkipPassesAlreadyGoneAndDeleteAReopenedPassOnce() {
        open("a", 100);
        store.remove("a");
        open("b", 100);
        open("b", 120);

        expire(200);

        assertThat(deleted).containsExactly("b");
        assertThat(queue.size()).isZero();
    }

    private void open(String key, long expiresAt) {
        store.put(key, expiresAt);
        queue.add(key, expiresAt);
    }

    private int expire(long streamTime) {
        return queue.expire(streamTime, key -> store.getOrDefault(key, ExpiryQueue.GONE), key -> {
            deleted.add(key);
            store.remove(key);
        });
    }
}
