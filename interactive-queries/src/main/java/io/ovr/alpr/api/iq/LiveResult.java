package io.ovr.alpr.api.iq;

import java.util.List;
import java.util.SortedSet;

/**
 * The merged answer of a live query.
 *
 * @param rows ordered and limited as the query says
 * @param stale true when any part came from a standby or restoring copy (it may lag the active one)
 * @param servedBy the instances that answered
 * @param partitions the store partitions that the answer covers (all of the query's)
 */
public record LiveResult<T>(List<T> rows, boolean stale, SortedSet<String> servedBy, SortedSet<Integer> partitions) {

    public LiveResult {
        rows = List.copyOf(rows);
    }
}
