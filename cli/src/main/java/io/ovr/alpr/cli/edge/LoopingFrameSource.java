package io.ovr.alpr.cli.edge;

import io.ovr.alpr.edge.source.CapturedFrame;
import io.ovr.alpr.edge.source.FrameSource;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Plays a finite source (video file, image folder) again and again, at the pace of its own
 * timestamps and stamped with the wall clock, so that one sample video stands for a live camera
 * in a demo stack: a file's frames carry their offset in the file as time, which the topology
 * would reject as far too late. Ends when the calling thread is interrupted (the pipeline then
 * finishes its open tracks and returns) or when {@code running} turns false.
 */
public final class LoopingFrameSource implements FrameSource {

    /** Opens the underlying source afresh. */
    public interface Opener {
        FrameSource open() throws IOException;
    }

    private final Opener opener;
    private final BooleanSupplier running;
    private FrameSource current;
    private long wallStart;
    private long fileStart = Long.MIN_VALUE;
    private long lastStamp = Long.MIN_VALUE;
    private long indexBase;
    private long nextIndex;

    LoopingFrameSource(Opener opener) throws IOException {
        this(opener, () -> true);
    }

    /** A source that also ends, without interrupting anyone, once {@code running} answers false. */
    public LoopingFrameSource(Opener opener, BooleanSupplier running) throws IOException {
        this.opener = opener;
        this.running = running;
        this.current = opener.open();
        this.wallStart = System.currentTimeMillis();
    }

    @Override
    public CapturedFrame next() throws IOException {
        CapturedFrame frame = current.next();
        if (frame == null) {
            current.close();
            current = opener.open();
            wallStart = Math.max(System.currentTimeMillis(), lastStamp + 1);
            fileStart = Long.MIN_VALUE;
            indexBase = nextIndex;
            frame = current.next();
            if (frame == null) {
                return null;
            }
        }
        if (fileStart == Long.MIN_VALUE) {
            fileStart = frame.timestampMillis();
        }
        long stamp = Math.max(wallStart + Math.max(0, frame.timestampMillis() - fileStart), lastStamp + 1);
        if (!waitUntil(stamp)) {
            return null;
        }
        lastStamp = stamp;
        nextIndex = indexBase + frame.index() + 1;
        return new CapturedFrame(indexBase + frame.index(), stamp, frame.image());
    }

    /** Sleeps until the wall clock reaches {@code stamp}; false when interrupted or stopped. */
    private boolean waitUntil(long stamp) {
        try {
            for (long wait = stamp - System.currentTimeMillis(); wait > 0 && running.getAsBoolean();
                 wait = stamp - System.currentTimeMillis()) {
                Thread.sleep(Math.min(wait, 200));
            }
            return running.getAsBoolean() && !Thread.currentThread().isInterrupted();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean continuous() {
        return current.continuous();
    }

    @Override
    public void close() throws IOException {
        current.close();
    }
}
