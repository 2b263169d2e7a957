package io.ovr.alpr.edge.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path dir;

    @Test
    void shouldGiveEntriesBackInOrderAcrossSegmentsAndRestarts() throws Exception {
        try (Spool spool = Spool.open(dir, 1 << 20, 100, true)) {
            for (int i = 0; i < 30; i++) {
                assertThat(spool.tryAppend(bytes("entry-" + i))).isTrue();
            }
            spool.commit(spool.peek(4).get(3).sequence());
        }

        try (Spool reopened = Spool.open(dir, 1 << 20, 100, true)) {
            List<Spool.Entry> rest = reopened.peek(100);

            assertThat(reopened.pending()).isEqualTo(26);
            assertThat(rest).extracting(e -> text(e.bytes())).startsWith("entry-4", "entry-5").endsWith("entry-29");
            assertThat(rest).extracting(Spool.Entry::sequence).isSorted();
        }
    }

    @Test
    void shouldDeleteSegmentsOnceEveryEntryInThemIsSent() throws Exception {
        try (Spool spool = Spool.open(dir, 1 << 20, 100, true)) {
            for (int i = 0; i < 30; i++) {
                spool.tryAppend(bytes("entry-" + i));
            }
            long segmentsBefore = segments();

            spool.commit(spool.peek(25).get(24).sequence());

            assertThat(segments()).isLessThan(segmentsBefore);
            assertThat(spool.peek(10)).extracting(e -> text(e.bytes())).containsExactly(
                    "entry-25", "entry-26", "entry-27", "entry-28", "entry-29");
        }
    }

    @Test
    void shouldRefuseEntriesBeyondItsBoundUntilSomeAreSent() throws Exception {
        try (Spool spool = Spool.open(dir, 100, 1000, false)) {
            int accepted = 0;
            while (spool.tryAppend(new byte[20])) {
                accepted++;
            }
            assertThat(accepted).isEqualTo(3);
            assertThat(spool.sizeBytes()).isLessThanOrEqualTo(100);

            spool.commit(spool.peek(1).get(0).sequence());

            assertThat(spool.tryAppend(new byte[20])).isTrue();
            assertThat(spool.pending()).isEqualTo(3);
        }
    }

    @Test
    void shouldCutATornRecordAtTheEndAndKeepTheWholeOnes() throws Exception {
        try (Spool spool = Spool.open(dir, 1 << 20, 1 << 20, true)) {
            spool.tryAppend(bytes("first"));
            spool.tryAppend(bytes("second"));
        }
        Path segment = onlySegment();
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 50, 1, 2, 3}));
        }

        try (Spool reopened = Spool.open(dir, 1 << 20, 1 << 20, true)) {
            assertThat(reopened.peek(10)).extracting(e -> text(e.bytes())).containsExactly("first", "second");
            reopened.tryAppend(bytes("third"));
            assertThat(reopened.peek(10)).extracting(e -> text(e.bytes())).containsExactly("first", "second", "third");
        }
    }

    @Test
    void shouldNeverReuseSequencesAfterEverythingWasSent() throws Exception {
        long last;
        try (Spool spool = Spool.open(dir, 1 << 20, 100, true)) {
            spool.tryAppend(bytes("a"));
            spool.tryAppend(bytes("b"));
            last = spool.peek(2).get(1).sequence();
            spool.commit(last);
        }
        try (Spool reopened = Spool.open(dir, 1 << 20, 100, true)) {
            reopened.tryAppend(bytes("c"));
            assertThat(reopened.peek(1).get(0).sequence()).isGreaterThan(last);
        }
        try (Spool again = Spool.open(dir, 1 << 20, 100, true)) {
            assertThat(again.peek(5)).extracting(e -> text(e.bytes())).containsExactly("c");
        }
    }

    private long segments() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).count();
        }
    }

    private Path onlySegment() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
