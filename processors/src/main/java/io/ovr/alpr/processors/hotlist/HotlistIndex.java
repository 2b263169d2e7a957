package io.ovr.alpr.processors.hotlist;

import io.ovr.alpr.processors.text.PlateText;
import io.ovr.alpr.schema.HotlistEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the hotlist entries a read matches exactly, on folded text, or within edit distance
 * {@code k} (0..2) of the folded text, with a symmetric deletion-neighbourhood index: two strings
 * are within distance k only if some string reachable by at most k deletions from each is shared.
 * <p>
 * Each entry's deletion variants are hashed to 40 bits and packed with the entry id into one
 * {@code long}; a sorted array of them answers lookups by binary search, and a small map holds
 * variants added since the last rebuild (merged when it grows past a tenth of the array).
 * Hash collisions only add candidates, which are verified with the real edit distance. Deleted
 * entries leave their postings behind until the next rebuild and are skipped. Thread-safe: the
 * global-store thread writes while stream threads read.
 */
public final class HotlistIndex {

    private static final int ID_BITS = 24;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    private static final int MAX_ENTRIES = 1 << ID_BITS;
    private static final int[] NONE = new int[0];

    private final int maxDistance;
    private final Map<String, Integer> idsByPlate = new HashMap<>();
    private final List<HotlistEntry> entries = new ArrayList<>();
    private final List<String> folded = new ArrayList<>();
    private final Map<Long, int[]> recent = new HashMap<>();
    private long[] postings = new long[0];
    private int recentPostings;

    public HotlistIndex(int maxDistance) {
        if (maxDistance < 0 || maxDistance > 2) {
            throw new IllegalArgumentException("edit distance must be 0, 1 or 2, was " + maxDistance);
        }
        this.maxDistance = maxDistance;
    }

    public int maxDistance() {
        return maxDistance;
    }

    /** Adds or replaces the entry of {@code entry.plate} (normalized). */
    public synchronized void put(HotlistEntry entry) {
        String plate = PlateText.normalize(entry.getPlate());
        Integer existing = idsByPlate.get(plate);
        if (existing != null && folded.get(existing).equals(PlateText.fold(plate))) {
            entries.set(existing, entry);
            return;
        }
        if (existing != null) {
            remove(plate);
        }
        if (entries.size() >= MAX_ENTRIES) {
            throw new IllegalStateException("hotlist index holds at most " + MAX_ENTRIES + " entries");
        }
        int id = entries.size();
        entries.add(entry);
        folded.add(PlateText.fold(plate));
        idsByPlate.put(plate, id);
        for (long h : variantHashes(folded.get(id), maxDistance)) {
            recent.merge(h, new int[] {id}, HotlistIndex::concat);
            recentPostings++;
        }
        if (recentPostings > Math.max(50_000, postings.length / 10)) {
            rebuild();
        }
    }

    /** Removes the entry of {@code plate} (a tombstone on the hotlist topic). */
    public synchronized void remove(String plate) {
        Integer id = idsByPlate.remove(PlateText.normalize(plate));
        if (id != null) {
            entries.set(id, null);
        }
    }

    public synchronized int size() {
        return idsByPlate.size();
    }

    /** Entries matching {@code normalized} that have not expired at {@code at}, best first. */
    public synchronized List<HotlistMatch> match(String normalized, Instant at) {
        if (idsByPlate.isEmpty()) {
            return List.of();
        }
        String query = PlateText.fold(normalized);
        Set<Integer> seen = new HashSet<>();
        List<HotlistMatch> matches = new ArrayList<>();
        for (long h : variantHashes(query, maxDistance)) {
            for (int id : candidates(h)) {
                if (seen.add(id)) {
                    verify(id, normalized, query, at, matches);
                }
            }
        }
        matches.sort(HotlistMatch.BEST_FIRST);
        return matches;
    }

    private void verify(int id, String normalized, String query, Instant at, List<HotlistMatch> into) {
        HotlistEntry entry = entries.get(id);
        if (entry == null || entry.getExpiresAt() != null && !entry.getExpiresAt().isAfter(at)) {
            return;
        }
        String entryFolded = folded.get(id);
        if (PlateText.normalize(entry.getPlate()).equals(normalized)) {
            into.add(new HotlistMatch(entry, MatchKind.EXACT, 0));
        } else if (entryFolded.equals(query)) {
            into.add(new HotlistMatch(entry, MatchKind.FOLDED, 0));
        } else {
            int distance = PlateText.editDistance(entryFolded, query, maxDistance);
            if (distance <= maxDistance) {
                into.add(new HotlistMatch(entry, MatchKind.EDIT_DISTANCE, distance));
            }
        }
    }

    private int[] candidates(long h) {
        int[] fromRecent = recent.getOrDefault(h, NONE);
        long low = h << ID_BITS;
        int i = Arrays.binarySearch(postings, low);
        int start = i >= 0 ? i : -i - 1;
        int end = start;
        while (end < postings.length && postings[end] >>> ID_BITS == h) {
            end++;
        }
        if (end == start) {
            return fromRecent;
        }
        int[] ids = Arrays.copyOf(fromRecent, fromRecent.length + end - start);
        for (int p = start; p < end; p++) {
            ids[fromRecent.length + p - start] = (int) (postings[p] & ID_MASK);
        }
        return ids;
    }

    /** Merges recent variants into the sorted array and drops postings of removed entries. */
    private void rebuild() {
        long[] merged = new long[postings.length + recentPostings];
        int n = 0;
        for (long p : postings) {
            if (entries.get((int) (p & ID_MASK)) != null) {
                merged[n++] = p;
            }
        }
        for (Map.Entry<Long, int[]> e : recent.entrySet()) {
            for (int id : e.getValue()) {
                if (entries.get(id) != null) {
                    merged[n++] = e.getKey() << ID_BITS | id;
                }
            }
        }
        postings = Arrays.copyOf(merged, n);
        Arrays.parallelSort(postings);
        recent.clear();
        recentPostings = 0;
    }

    /** Every distinct string reachable from {@code text} by at most {@code k} deletions, itself included. */
    static Set<String> variants(String text, int k) {
        Set<String> out = new HashSet<>();
        out.add(text);
        Set<String> frontier = Set.of(text);
        for (int d = 0; d < k; d++) {
            Set<String> next = new HashSet<>();
            for (String s : frontier) {
                for (int i = 0; i < s.length(); i++) {
                    String shorter = s.substring(0, i) + s.substring(i + 1);
                    if (out.add(shorter)) {
                        next.add(shorter);
                    }
                }
            }
            frontier = next;
        }
        return out;
    }

    /**
     * The distinct hashes of {@link #variants}, computed without building the variant strings:
     * the text itself, each single deletion and (k = 2) each pair of deletions.
     */
    static long[] variantHashes(String text, int k) {
        int n = text.length();
        long[] out = new long[1 + (k >= 1 ? n : 0) + (k >= 2 ? n * (n - 1) / 2 : 0)];
        int count = 0;
        out[count++] = hash(text, -1, -1);
        for (int i = 0; k >= 1 && i < n; i++) {
            out[count++] = hash(text, i, -1);
            for (int j = i + 1; k >= 2 && j < n; j++) {
                out[count++] = hash(text, i, j);
            }
        }
        Arrays.sort(out, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    /** 40-bit FNV-1a hash of the text and its length. */
    static long hash(String text) {
        return hash(text, -1, -1);
    }

    /** {@link #hash(String)} of {@code text} with the characters at {@code skip1} and {@code skip2} (-1: none) deleted. */
    private static long hash(String text, int skip1, int skip2) {
        long h = 0xcbf29ce484222325L;
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            if (i != skip1 && i != skip2) {
                h ^= text.charAt(i);
                h *= 0x100000001b3L;
                length++;
            }
        }
        h ^= length;
        h *= 0x100000001b3L;
        h ^= h >>> 29;
        return h >>> (64 - 40);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
