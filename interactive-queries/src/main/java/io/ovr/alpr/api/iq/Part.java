package io.ovr.alpr.api.iq;

import java.util.List;
import java.util.Set;

/**
 * What one instance answered for some partitions of a live query.
 *
 * @param rows the instance's rows, ordered and limited as the query says
 * @param partitions the partitions it answered (rows of other partitions are not in here)
 * @param instance the instance ({@code host:port})
 * @param stale true when a standby or restoring copy answered
 */
public record Part<T>(List<T> rows, Set<Integer> partitions, String instance, boolean stale) {

    public Part {
        rows = List.copyOf(rows);
        partitions = Set.copyOf(partitions);
    }
}
