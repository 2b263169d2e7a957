package io.ovr.alpr.processors.hotlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovr.alpr.schema.HotlistEntry;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HotlistIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void shouldMatchExactlyOnFoldedTextAndWithinEditDistance() {
        HotlistIndex index = new HotlistIndex(1);
        index.put(entry("ABC1234", 1, null));

        assertThat(kinds(index.match("ABC1234", NOW))).containsExactly(MatchKind.EXACT);
        assertThat(kinds(index.match("A8C1234", NOW))).containsExactly(MatchKind.FOLDED);
        assertThat(index.match("ABC1235", NOW)).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MatchKind.EDIT_DISTANCE);
            assertThat(m.distance()).isEqualTo(1);
        });
        assertThat(kinds(index.match("ABC123", NOW))).containsExactly(MatchKind.EDIT_DISTANCE);
        assertThat(index.match("ABC1299", NOW)).isEmpty();
    }

    @Test
    void shouldHonourTheConfiguredDistance() {
        HotlistIndex exactOnly = new HotlistIndex(0);
        HotlistIndex two = new HotlistIndex(2);
        exactOnly.put(entry("ABC1234", 1, null));
        two.put(entry("ABC1234", 1, null));

        assertThat(exactOnly.match("ABC1235", NOW)).isEmpty();
        assertThat(exactOnly.match("A8C1234", NOW)).hasSize(1);
        assertThat(two.match("ABC1299", NOW)).singleElement().satisfies(m -> assertThat(m.distance()).isEqualTo(2));
        assertThatThrownBy(() -> new HotlistIndex(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldIgnoreExpiredAndRemovedEntries() {
        HotlistIndex index = new HotlistIndex(1);
        index.put(entry("OLD1234", 1, NOW));
        index.put(entry("NEW1234", 1, NOW.plusSeconds(1)));
        index.put(entry("DEL1234", 1, null));
        index.remove("DEL1234");

        assertThat(index.match("OLD1234", NOW)).isEmpty();
        assertThat(index.match("NEW1234", NOW)).hasSize(1);
        assertThat(index.match("DEL1234", NOW)).isEmpty();
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void shouldOrderMatchesBestFirst() {
        HotlistIndex index = new HotlistIndex(1);
        index.put(entry("ABC1235", 5, null));
        index.put(entry("A8C1234", 1, null));
        index.put(entry("ABC1234", 1, null));
        index.put(entry("ABC1236", 3, null));

        assertThat(index.match("ABC1234", NOW)).extracting(m -> m.entry().getPlate())
                .containsExactly("ABC1234", "A8C1234", "ABC1235", "ABC1236");
    }

    @Test
    void shouldReplaceAnEntryPutAgain() {
        HotlistIndex index = new HotlistIndex(1);
        index.put(entry("ABC1234", 1, null));
        index.put(entry("ABC1234", 5, null));

        assertThat(index.match("ABC1234", NOW)).singleElement()
                .satisfies(m -> assertThat(m.entry().getPriority()).isEqualTo(5));
    }

    @Test
    void shouldAgreeWithBruteForceOnRandomPlatesAcrossRebuilds() {
        Random random = new Random(7);
        HotlistIndex index = new HotlistIndex(1);
        List<String> plates = random.ints(20_000, 0, Integer.MAX_VALUE).mapToObj(i -> plate(new Random(i))).toList();
        plates.forEach(p -> index.put(entry(p, 1, null)));

        for (int i = 0; i < 150; i++) {
            String query = i % 3 == 0 ? mutate(plates.get(random.nextInt(plates.size())), random) : plate(random);
            long expected = plates.stream().distinct().filter(p -> io.ovr.alpr.processors.text.PlateText.editDistance(
                    io.ovr.alpr.processors.text.PlateText.fold(p), io.ovr.alpr.processors.text.PlateText.fold(query),
                    1) <= 1).count();
            assertThat(index.match(query, NOW)).as(query).hasSize((int) expected);
        }
    }

    @Test
    void shouldHashTheSameDeletionVariantsAsItBuildsAsStrings() {
        Random random = new Random(3);
        for (int k = 0; k <= 2; k++) {
            for (String text : List.of("AAB1123", "A", "", "ZZZZ", plate(random), plate(random), "AB12C3D4E5")) {
                long[] expected = HotlistIndex.variants(text, k).stream().mapToLong(HotlistIndex::hash).distinct()
                        .sorted().toArray();

                assertThat(HotlistIndex.variantHashes(text, k)).as(text + " k=" + k).containsExactly(expected);
            }
        }
    }

    private static String plate(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            s.append(i < 3 ? (char) ('A' + random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private static String mutate(String plate, Random random) {
        char[] chars = plate.toCharArray();
        chars[random.nextInt(chars.length)] = (char) ('0' + random.nextInt(10));
        return new String(chars);
    }

    private static List<MatchKind> kinds(List<HotlistMatch> matches) {
        return matches.stream().map(HotlistMatch::kind).toList();
    }

    private static HotlistEntry entry(String plate, int priority, Instant expires) {
        return HotlistEntry.newBuilder().setPlate(plate).setReason("test").setPriority(priority).setExpiresAt(expires)
                .build();
    }
}
