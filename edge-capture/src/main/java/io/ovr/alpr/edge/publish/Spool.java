package io.ovr.alpr.edge.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded first-in first-out queue of byte entries on disk that survives restarts: append-only
 * segment files ({@code <first sequence>.seg}) of records {@code [length][crc32][bytes]}, and a
 * cursor file holding the sequence of the first entry not yet sent (replaced atomically). Entries are read in order without being
 * removed ({@link #peek}) and removed once sent ({@link #commit}); fully sent segments are deleted.
 * A torn record at the end of a segment (a crash during a write) is cut off on open.
 * Thread-safe.
 */
public final class Spool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final String CURSOR = "cursor";
    private static final int HEADER = 8;

    /**
     * One entry.
     *
     * @param sequence its position in the spool, from 0, never reused
     * @param bytes its content
     */
    public record Entry(long sequence, byte[] bytes) {
    }

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final boolean fsync;
    private final List<Segment> segments = new ArrayList<>();
    private long nextSequence;
    /** Cursor: the first unsent entry, and where it starts. */
    private long cursorSequence;
    private long cursorOffset;
    private FileChannel writer;
    private boolean closed;

    private static final class Segment {
        final long first;
        final Path path;
        long count;
        long bytes;

        Segment(long first, Path path) {
            this.first = first;
            this.path = path;
        }
    }

    private Spool(Path dir, long maxBytes, long segmentBytes, boolean fsync) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.fsync = fsync;
    }

    /**
     * Opens (or creates) the spool in {@code dir}, holding at most {@code maxBytes} of unsent
     * entries in segments of about {@code segmentBytes}; {@code fsync} forces each append to disk.
     */
    public static Spool open(Path dir, long maxBytes, long segmentBytes, boolean fsync) throws IOException {
        Files.createDirectories(dir);
        Spool s = new Spool(dir, maxBytes, segmentBytes, fsync);
        s.recover();
        return s;
    }

    private void recover() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".seg")).sorted().toList();
        }
        for (Path p : files) {
            Segment seg = new Segment(Long.parseLong(p.getFileName().toString().replace(".seg", "")), p);
            scan(seg);
            segments.add(seg);
        }
        long saved = readCursorFile();
        // sequences never go back, even when every segment was sent and deleted
        nextSequence = segments.isEmpty() ? Math.max(0, saved) : last().first + last().count;
        cursorSequence = segments.isEmpty() ? nextSequence : segments.get(0).first;
        if (saved >= cursorSequence && saved <= nextSequence) {
            cursorSequence = saved;
        }
        Segment seg = segmentOf(cursorSequence);
        cursorOffset = seg == null ? 0 : offsetOf(seg, cursorSequence);
        dropSentSegments();
        LOG.info("spool {}: {} unsent entries, {} bytes", dir, pending(), sizeBytes());
    }

    private long readCursorFile() throws IOException {
        Path file = dir.resolve(CURSOR);
        return Files.exists(file) ? Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()) : -1;
    }

    /** Where entry {@code seq} starts in its segment, walking the record headers. */
    private static long offsetOf(Segment seg, long seq) throws IOException {
        long offset = 0;
        try (FileChannel ch = FileChannel.open(seg.path, StandardOpenOption.READ)) {
            for (long s = seg.first; s < seq; s++) {
                ByteBuffer len = ByteBuffer.allocate(4);
                readFully(ch, len, offset);
                offset += HEADER + len.flip().getInt();
            }
        }
        return offset;
    }

    /** Counts the valid records of a segment and cuts off a torn tail. */
    private void scan(Segment seg) throws IOException {
        try (FileChannel ch = FileChannel.open(seg.path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long pos = 0;
            long size = ch.size();
            while (true) {
                byte[] rec = readRecord(ch, pos, size);
                if (rec == null) {
                    break;
                }
                pos += HEADER + rec.length;
                seg.count++;
            }
            if (pos < size) {
                LOG.warn("spool segment {}: cutting {} bytes of a torn record", seg.path, size - pos);
                ch.truncate(pos);
                ch.force(true);
            }
            seg.bytes = pos;
        }
    }

    /** Appends an entry if it fits under the size bound; false (and nothing written) when full. */
    public synchronized boolean tryAppend(byte[] bytes) throws IOException {
        if (closed) {
            throw new IllegalStateException("spool closed");
        }
        if (sizeBytes() + HEADER + bytes.length > maxBytes && pending() > 0) {
            return false;
        }
        Segment seg = writer == null || last().bytes + HEADER + bytes.length > segmentBytes && last().count > 0
                ? roll() : last();
        ByteBuffer buf = ByteBuffer.allocate(HEADER + bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        buf.putInt(bytes.length).putInt((int) crc.getValue()).put(bytes).flip();
        while (buf.hasRemaining()) {
            writer.write(buf);
        }
        if (fsync) {
            writer.force(false);
        }
        seg.count++;
        seg.bytes += HEADER + bytes.length;
        nextSequence++;
        notifyAll();
        return true;
    }

    /** Appends an entry, waiting up to {@code timeoutMillis} for space; false when still full. */
    public synchronized boolean append(byte[] bytes, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!tryAppend(bytes)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Up to {@code max} unsent entries from the oldest, without removing them. */
    public synchronized List<Entry> peek(int max) throws IOException {
        List<Entry> out = new ArrayList<>();
        int i = segmentIndex(cursorSequence);
        long seq = cursorSequence;
        long offset = cursorOffset;
        for (; i >= 0 && i < segments.size() && out.size() < max; i++) {
            Segment seg = segments.get(i);
            if (seq == seg.first) {
                offset = 0;
            }
            try (FileChannel ch = FileChannel.open(seg.path, StandardOpenOption.READ)) {
                while (seq < seg.first + seg.count && out.size() < max) {
                    byte[] rec = readRecord(ch, offset, seg.bytes);
                    if (rec == null) {
                        throw new IOException("spool segment " + seg.path + " unreadable at " + offset);
                    }
                    out.add(new Entry(seq++, rec));
                    offset += HEADER + rec.length;
                }
            }
        }
        return out;
    }

    /** Waits up to {@code timeoutMillis} until an entry is unsent; true when one is. */
    public synchronized boolean awaitEntries(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (pending() == 0 && !closed) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return pending() > 0;
    }

    /** Marks every entry up to and including {@code sequence} as sent. */
    public synchronized void commit(long sequence) throws IOException {
        if (sequence < cursorSequence) {
            return;
        }
        if (sequence >= nextSequence) {
            throw new IllegalArgumentException("entry " + sequence + " was never appended");
        }
        long seq = cursorSequence;
        long offset = cursorOffset;
        int i = segmentIndex(seq);
        while (seq <= sequence) {
            Segment seg = segments.get(i);
            if (seq == seg.first) {
                offset = 0;
            }
            try (FileChannel ch = FileChannel.open(seg.path, StandardOpenOption.READ)) {
                while (seq <= sequence && seq < seg.first + seg.count) {
                    ByteBuffer len = ByteBuffer.allocate(4);
                    ch.read(len, offset);
                    offset += HEADER + len.flip().getInt();
                    seq++;
                }
            }
            i++;
        }
        Segment cur = segmentOf(seq);
        cursorSequence = seq;
        cursorOffset = cur != null && cur.first == seq ? 0 : offset;
        writeCursor();
        dropSentSegments();
        notifyAll();
    }

    private void writeCursor() throws IOException {
        Path tmp = dir.resolve(CURSOR + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(String.format(Locale.ROOT, "%d%n", cursorSequence).getBytes(StandardCharsets.UTF_8)));
            if (fsync) {
                ch.force(true);
            }
        }
        Files.move(tmp, dir.resolve(CURSOR), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes segments whose entries were all sent, except the one being written. */
    private void dropSentSegments() throws IOException {
        while (segments.size() > 1 && segments.get(0).first + segments.get(0).count <= cursorSequence) {
            Files.deleteIfExists(segments.remove(0).path);
        }
        if (segments.size() == 1 && writer == null && segments.get(0).first + segments.get(0).count <= cursorSequence
                && segments.get(0).count > 0) {
            Files.deleteIfExists(segments.remove(0).path);
        }
    }

    /** Unsent entries. */
    public synchronized long pending() {
        return nextSequence - cursorSequence;
    }

    /** Bytes of the unsent entries on disk. */
    public synchronized long sizeBytes() {
        long total = 0;
        for (Segment s : segments) {
            if (s.first + s.count > cursorSequence) {
                total += s.bytes - (cursorSequence >= s.first ? cursorOffset : 0);
            }
        }
        return total;
    }

    private Segment roll() throws IOException {
        if (writer != null) {
            writer.close();
        }
        Segment seg = new Segment(nextSequence, dir.resolve(String.format(Locale.ROOT, "%020d.seg", nextSequence)));
        writer = FileChannel.open(seg.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        segments.add(seg);
        return seg;
    }

    private Segment last() {
        return segments.get(segments.size() - 1);
    }

    private int segmentIndex(long seq) {
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (seq >= s.first && seq < s.first + s.count) {
                return i;
            }
        }
        return -1;
    }

    private Segment segmentOf(long seq) {
        int i = segmentIndex(seq);
        return i < 0 ? null : segments.get(i);
    }

    private static byte[] readRecord(FileChannel ch, long pos, long size) throws IOException {
        if (pos + HEADER > size) {
            return null;
        }
        ByteBuffer head = ByteBuffer.allocate(HEADER);
        readFully(ch, head, pos);
        head.flip();
        int len = head.getInt();
        int crc = head.getInt();
        if (len < 0 || pos + HEADER + len > size) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(len);
        readFully(ch, body, pos + HEADER);
        CRC32 check = new CRC32();
        check.update(body.array());
        return (int) check.getValue() == crc ? body.array() : null;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
                throw new IOException("unexpected end of spool segment");
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
