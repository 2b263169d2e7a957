package io.ovr.alpr.api.iq;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ovr.alpr.api.audit.AuditEntry;
import io.ovr.alpr.api.audit.AuditLog;
import io.ovr.alpr.api.http.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers live queries across instances. For the partitions a query needs (the key's, or all of
 * the store's) it asks each partition's active instance: itself through {@link LocalStores}, the
 * others through {@link PeerClient}, in parallel. Partitions that no active instance answered
 * (an instance down, a rebalance in progress) are asked of a standby replica, this instance's own
 * first, then the next standby when one cannot answer either, and the answer is marked stale. When some partition still has no answer the query fails
 * with 503 and Retry-After: an incomplete answer is never presented as complete.
 * Queries over plate data are written to the {@link AuditLog} before the answer leaves.
 */
public final class LiveService {

    private static final Logger LOG = LoggerFactory.getLogger(LiveService.class);
    private static final int MAX_STANDBY_ROUNDS = 3;

    private final LocalStores stores;
    private final Placements placements;
    private final PeerClient peers;
    private final AuditLog audit;
    private final HostInfo self;
    private final String selfName;
    private final Clock clock;
    private final MeterRegistry meters;

    public LiveService(LocalStores stores, Placements placements, PeerClient peers, AuditLog audit, HostInfo self,
                       Clock clock, MeterRegistry meters) {
        this.stores = stores;
        this.placements = placements;
        this.peers = peers;
        this.audit = audit;
        this.self = self;
        this.selfName = self.host() + ":" + self.port();
        this.clock = clock;
        this.meters = meters;
    }

    /** The complete answer, from wherever the partitions live; audited when it holds plate data. */
    public <T> LiveResult<T> read(LiveQuery<T> query, Caller caller) {
        Placement placement = query.key().map(k -> placements.forKey(query.store(), k))
                .orElseGet(() -> placements.forAll(query.store()));
        Set<Integer> missing = new TreeSet<>(placement.partitions());
        List<Part<T>> parts = new ArrayList<>();
        Set<HostInfo> failed = new HashSet<>();
        collect(query, placement.activePlan(missing), false, caller, parts, missing, failed);
        for (int round = 0; round < MAX_STANDBY_ROUNDS && !missing.isEmpty(); round++) {
            collect(query, placement.standbyPlan(missing, self, failed, round), true, caller, parts, missing, failed);
        }
        if (!missing.isEmpty()) {
            throw ApiException.unavailable("partitions " + missing + " of store " + query.store()
                    + " have no instance that can answer now (rebalancing or an instance is down); retry shortly");
        }
        LiveResult<T> result = merge(query, parts);
        audit(query, caller, result.rows().size());
        return result;
    }

    /** This instance's answer for {@code partitions} only (a peer's request); never forwards. */
    public <T> LiveResult<T> readLocal(LiveQuery<T> query, Set<Integer> partitions, boolean standby, Caller caller) {
        Part<T> part = query.read(stores, partitions, standby, selfName);
        count(query, "local", standby);
        audit(query, caller, part.rows().size());
        return new LiveResult<>(part.rows(), part.stale(), new TreeSet<>(Set.of(selfName)),
                new TreeSet<>(part.partitions()));
    }

    private <T> void collect(LiveQuery<T> query, Map<HostInfo, Set<Integer>> plan, boolean standby, Caller caller,
                             List<Part<T>> parts, Set<Integer> missing, Set<HostInfo> failed) {
        List<HostInfo> remotes = plan.keySet().stream().filter(host -> !host.equals(self)).toList();
        if (remotes.size() == 1 && !plan.containsKey(self)) {
            HostInfo host = remotes.get(0);
            try {
                accept(peers.read(host, query, plan.get(host), standby, caller), plan.get(host), parts, missing);
                count(query, "peer", standby);
            } catch (RuntimeException e) {
                peerFailed(query, host, plan.get(host), e, failed);
            }
            return;
        }
        Map<HostInfo, CompletableFuture<Part<T>>> pending = new LinkedHashMap<>();
        remotes.forEach(host -> pending.put(host, peers.readAsync(host, query, plan.get(host), standby, caller)));
        if (plan.containsKey(self)) {
            accept(query.read(stores, plan.get(self), standby, selfName), plan.get(self), parts, missing);
            count(query, "local", standby);
        }
        pending.forEach((host, future) -> {
            try {
                accept(future.join(), plan.get(host), parts, missing);
                count(query, "peer", standby);
            } catch (CompletionException e) {
                peerFailed(query, host, plan.get(host), e.getCause() == null ? e : e.getCause(), failed);
            }
        });
    }

    private void peerFailed(LiveQuery<?> query, HostInfo host, Set<Integer> partitions, Throwable cause,
                            Set<HostInfo> failed) {
        failed.add(host);
        meters.counter("alpr.api.peer.failures", "store", query.store()).increment();
        LOG.warn("peer {}:{} did not answer {} for partitions {}: {}", host.host(), host.port(), query.kind(),
                partitions, cause.toString());
    }

    private static <T> void accept(Part<T> part, Set<Integer> asked, List<Part<T>> parts, Set<Integer> missing) {
        Set<Integer> covered = new TreeSet<>(part.partitions());
        covered.retainAll(asked);
        covered.retainAll(missing);
        if (!covered.isEmpty()) {
            parts.add(new Part<>(part.rows(), covered, part.instance(), part.stale()));
            missing.removeAll(covered);
        }
    }

    private static <T> LiveResult<T> merge(LiveQuery<T> query, List<Part<T>> parts) {
        List<T> rows = new ArrayList<>();
        SortedSet<String> servedBy = new TreeSet<>();
        SortedSet<Integer> partitions = new TreeSet<>();
        boolean stale = false;
        for (Part<T> part : parts) {
            rows.addAll(part.rows());
            servedBy.add(part.instance());
            partitions.addAll(part.partitions());
            stale |= part.stale();
        }
        return new LiveResult<>(query.merge(rows), stale, servedBy, partitions);
    }

    private void audit(LiveQuery<?> query, Caller caller, int results) {
        query.auditAction().ifPresent(action -> audit.record(new AuditEntry(clock.instant(),
                caller.principal().name(), caller.principal().role().name().toLowerCase(Locale.ROOT), action,
                query.subject(), caller.purpose().orElse(""), results, caller.client(), selfName,
                caller.requestId(), caller.forwardedBy().orElse(null))));
    }

    private void count(LiveQuery<?> query, String source, boolean standby) {
        Counter.builder("alpr.api.live.reads").description("live-query reads by where they were answered")
                .tags("store", query.store(), "source", source, "stale", Boolean.toString(standby))
                .register(meters).increment();
    }
}
