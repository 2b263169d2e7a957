package io.ovr.alpr.processors.pass;

import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Which passes may have expired by a stream time, so expiry never scans the pass store. A pass is
 * enqueued with its expiry when it opens; a read that extends it does not touch the queue. When
 * the entry comes due, the pass's current expiry is read from the store: an expired pass is
 * deleted, an extended one is enqueued again at its new expiry. So the queue holds about one entry
 * per open pass. It lives in one task's processor and is rebuilt from the store when the processor
 * is initialised.
 */
public final class ExpiryQueue {

    /** What {@code currentExpiry} answers for a pass that is no longer in the store. */
    public static final long GONE = Long.MIN_VALUE;

    private record Due(long at, String key) {
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));

    public void add(String key, long expiresAt) {
        queue.add(new Due(expiresAt, key));
    }

    public void clear() {
        queue.clear();
    }

    public int size() {
        return queue.size();
    }

    /**
     * Handles the entries due at {@code streamTime}: deletes each pass whose current expiry
     * ({@code currentExpiry}, {@link #GONE} when it is not in the store) has passed, and enqueues
     * the others again at their current expiry.
     *
     * @return how many passes were deleted
     */
    public int expire(long streamTime, ToLongFunction<String> currentExpiry, Consumer<String> delete) {
        int deleted = 0;
        while (!queue.isEmpty() && queue.peek().at() <= streamTime) {
            String key = queue.poll().key();
            long expiry = currentExpiry.applyAsLong(key);
            if (expiry == GONE) {
                continue;
            }
            if (expiry <= streamTime) {
                delete.accept(key);
                deleted++;
            } else {
                queue.add(new Due(expiry, key));
            }
        }
        return deleted;
    }
}
