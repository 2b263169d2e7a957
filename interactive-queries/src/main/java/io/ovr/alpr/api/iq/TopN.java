package io.ovr.alpr.api.iq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/** Keeps the first {@code limit} items in {@code order} of everything it is handed, in bounded memory. */
final class TopN<T> implements Consumer<T> {

    private final int limit;
    private final Comparator<T> order;
    private final PriorityQueue<T> worstFirst;

    TopN(int limit, Comparator<T> order) {
        this.limit = limit;
        this.order = order;
        this.worstFirst = new PriorityQueue<>(Math.min(limit, 1024) + 1, order.reversed());
    }

    @Override
    public void accept(T item) {
        worstFirst.add(item);
        if (worstFirst.size() > limit) {
            worstFirst.poll();
        }
    }

    List<T> sorted() {
        List<T> items = new ArrayList<>(worstFirst);
        items.sort(order);
        return items;
    }
}
