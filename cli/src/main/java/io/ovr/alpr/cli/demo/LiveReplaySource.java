package io.ovr.alpr.cli.demo;

import io.ovr.alpr.edge.source.CapturedFrame;
import io.ovr.alpr.edge.source.FrameSource;
import java.io.IOException;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * A video file played as a live camera: at its own speed, looped, each frame stamped with the wall
 * clock when it is shown (a file's own timestamps start at 0, which the topology would reject as
 * decades late). Ends when {@code running} turns false.
 */
final class LiveReplaySource implements FrameSource {

    private final String video;
    private final double targetFps;
    private final BooleanSupplier running;
    private final Clock clock;
    private FrameSource current;
    private long loopStartWall;
    private long loopStartStream;
    private long index;
    private long loops;

    LiveReplaySource(String video, double targetFps, BooleanSupplier running, Clock clock) {
        this.video = video;
        this.targetFps = targetFps;
        this.running = running;
        this.clock = clock;
    }

    long loops() {
        return loops;
    }

    @Override
    public CapturedFrame next() throws IOException {
        while (running.getAsBoolean()) {
            if (current == null) {
                current = FrameSource.open(video, targetFps);
                loopStartWall = clock.millis();
                loopStartStream = -1;
            }
            CapturedFrame f = current.next();
            if (f == null) {
                current.close();
                current = null;
                loops++;
                continue;
            }
            if (loopStartStream < 0) {
                loopStartStream = f.timestampMillis();
            }
            long due = loopStartWall + (f.timestampMillis() - loopStartStream);
            if (!waitUntil(due)) {
                return null;
            }
            return new CapturedFrame(index++, Math.max(due, clock.millis()), f.image());
        }
        return null;
    }

    private boolean waitUntil(long due) {
        long wait;
        while ((wait = due - clock.millis()) > 0 && running.getAsBoolean()) {
            try {
                Thread.sleep(Math.min(wait, 200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return running.getAsBoolean();
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
