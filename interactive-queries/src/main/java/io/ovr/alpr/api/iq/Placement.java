package io.ovr.alpr.api.iq;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where the partitions of a store live right now: the active instance of each partition (absent
 * during a rebalance) and the instances holding standby replicas.
 */
public record Placement(SortedSet<Integer> partitions, Map<Integer, HostInfo> active,
                        Map<Integer, Set<HostInfo>> standbys) {

    /** The active instances of {@code wanted}, each with its partitions. */
    public Map<HostInfo, Set<Integer>> activePlan(Set<Integer> wanted) {
        Map<HostInfo, Set<Integer>> plan = new LinkedHashMap<>();
        for (int partition : new TreeSet<>(wanted)) {
            HostInfo host = active.get(partition);
            if (host != null) {
                plan.computeIfAbsent(host, h -> new TreeSet<>()).add(partition);
            }
        }
        return plan;
    }

    /**
     * For each of {@code wanted}, one instance that may answer from a standby or restoring copy:
     * this instance first (no network hop), then the standbys, then the active one (which may be
     * restoring and answer without being required to be active).
     */
    public Map<HostInfo, Set<Integer>> standbyPlan(Set<Integer> wanted, HostInfo self, Set<HostInfo> failed) {
        Map<HostInfo, Set<Integer>> plan = new LinkedHashMap<>();
        for (int partition : new TreeSet<>(wanted)) {
            Set<HostInfo> candidates = new LinkedHashSet<>();
            Set<HostInfo> standby = standbys.getOrDefault(partition, Set.of());
            if (standby.contains(self) || self.equals(active.get(partition))) {
                candidates.add(self);
            }
            standby.stream().sorted((a, b) -> (a.host() + ":" + a.port()).compareTo(b.host() + ":" + b.port()))
                    .forEach(candidates::add);
            candidates.removeAll(failed);
            candidates.stream().findFirst().ifPresent(host -> plan.computeIfAbsent(host, h -> new TreeSet<>())
                    .add(partition));
        }
        return plan;
    }
}
