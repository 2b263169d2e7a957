package io.ovr.alpr.api.iq;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
     * The instances that may answer {@code partition} from a standby or non-running copy, best
     * first: this instance (no network hop) when it holds a standby, or is the active one but
     * could not answer as active (rebalancing), then the other standbys.
     */
    public List<HostInfo> standbyCandidates(int partition, HostInfo self) {
        Set<HostInfo> candidates = new LinkedHashSet<>();
        Set<HostInfo> standby = standbys.getOrDefault(partition, Set.of());
        if (standby.contains(self) || self.equals(active.get(partition))) {
            candidates.add(self);
        }
        standby.stream().sorted(Comparator.comparing((HostInfo h) -> h.host()).thenComparingInt(HostInfo::port))
                .forEach(candidates::add);
        return List.copyOf(candidates);
    }

    /**
     * Round {@code round} of the standby phase: for each of {@code wanted}, its candidate at that
     * rank among those that have not failed, grouped by instance.
     */
    public Map<HostInfo, Set<Integer>> standbyPlan(Set<Integer> wanted, HostInfo self, Set<HostInfo> failed,
                                                   int round) {
        Map<HostInfo, Set<Integer>> plan = new LinkedHashMap<>();
        for (int partition : new TreeSet<>(wanted)) {
            List<HostInfo> candidates = standbyCandidates(partition, self).stream()
                    .filter(h -> h.equals(self) || !failed.contains(h)).toList();
            if (round < candidates.size()) {
                plan.computeIfAbsent(candidates.get(round), h -> new TreeSet<>()).add(partition);
            }
        }
        return plan;
    }
}
