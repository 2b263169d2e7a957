package io.ovr.alpr.processors.hotlist;

import io.ovr.alpr.schema.HotlistEntry;
import java.util.Comparator;

/** A hotlist entry a read matched, how, and at which edit distance of the folded texts. */
public record HotlistMatch(HotlistEntry entry, MatchKind kind, int distance) {

    /** Strongest kind first, then smaller distance, then higher priority, then plate. */
    public static final Comparator<HotlistMatch> BEST_FIRST = Comparator
            .comparing(HotlistMatch::kind)
            .thenComparingInt(HotlistMatch::distance)
            .thenComparing(m -> -m.entry().getPriority())
            .thenComparing(m -> m.entry().getPlate());
}
