package io.ovr.alpr.cli.bench;

import io.ovr.alpr.processors.hotlist.HotlistIndex;
import io.ovr.alpr.processors.text.PlateText;
import io.ovr.alpr.schema.HotlistEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code alpr bench hotlist}: builds the fuzzy hotlist index with N entries and times lookups (a
 * third exact hits, a third one-character misreads, a third misses), against a brute-force scan of
 * the same entries in the same run.
 */
public final class HotlistBenchmark {

    /** What was measured. */
    public record Result(int entries, int distance, double buildSeconds, long heapMb, int lookups,
                         double lookupsPerSecond, double p50Micros, double p99Micros, double bruteForceMicros,
                         long matches) {
    }

    private final int entries;
    private final int lookups;
    private final int distance;

    public HotlistBenchmark(int entries, int lookups, int distance) {
        this.entries = entries;
        this.lookups = lookups;
        this.distance = distance;
    }

    public Result run() {
        ReadGenerator generator = new ReadGenerator(7, 1);
        List<String> plates = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            plates.add(generator.plate());
        }
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        HotlistIndex index = new HotlistIndex(distance);
        for (String plate : plates) {
            index.put(HotlistEntry.newBuilder().setPlate(plate).setReason("bench").setPriority(1).build());
        }
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        long heapMb = (usedHeap() - heapBefore) / (1024 * 1024);
        List<String> queries = queries(plates, new Random(11));
        Instant now = Instant.now();
        for (int i = 0; i < Math.min(20_000, queries.size()); i++) {
            index.match(queries.get(i), now);
        }
        long[] nanos = new long[queries.size()];
        long matches = 0;
        long total = System.nanoTime();
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            matches += index.match(queries.get(i), now).size();
            nanos[i] = System.nanoTime() - t;
        }
        double perSecond = queries.size() / ((System.nanoTime() - total) / 1e9);
        Arrays.sort(nanos);
        return new Result(entries, distance, buildSeconds, heapMb, queries.size(), perSecond,
                nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3,
                bruteForce(plates, queries.subList(0, Math.min(50, queries.size()))), matches);
    }

    private List<String> queries(List<String> plates, Random random) {
        List<String> queries = new ArrayList<>(lookups);
        ReadGenerator misses = new ReadGenerator(13, 1);
        for (int i = 0; i < lookups; i++) {
            String plate = plates.get(random.nextInt(plates.size()));
            queries.add(switch (i % 3) {
                case 0 -> plate;
                case 1 -> misread(plate, random);
                default -> misses.plate();
            });
        }
        return queries;
    }

    private static String misread(String plate, Random random) {
        char[] chars = plate.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = Character.isDigit(chars[at]) ? (char) ('0' + random.nextInt(10)) : (char) ('A' + random.nextInt(26));
        return new String(chars);
    }

    /** Mean microseconds of a linear scan with the same verification, the baseline. */
    private double bruteForce(List<String> plates, List<String> queries) {
        List<String> folded = plates.stream().map(PlateText::fold).toList();
        long start = System.nanoTime();
        long found = 0;
        for (String query : queries) {
            String q = PlateText.fold(query);
            for (String f : folded) {
                if (PlateText.editDistance(f, q, distance) <= distance) {
                    found++;
                }
            }
        }
        return found < 0 ? 0 : (System.nanoTime() - start) / 1e3 / queries.size();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
