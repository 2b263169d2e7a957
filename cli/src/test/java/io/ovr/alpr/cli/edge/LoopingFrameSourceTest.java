package io.ovr.alpr.cli.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.edge.source.CapturedFrame;
import io.ovr.alpr.edge.source.FrameSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code alpr edge --loop}: a finite source replayed as a live camera. */
class LoopingFrameSourceTest {

    /** A three-frame "file" whose timestamps are its offsets (0, 10, 20 ms), like a video file's. */
    private static final class ThreeFrames implements FrameSource {
        private int next;

        @Override
        public CapturedFrame next() {
            return next < 3 ? new CapturedFrame(next, 10L * next++, new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB))
                    : null;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void shouldReplayTheSourceWithIncreasingIndicesAndWallClockStamps() throws IOException {
        AtomicInteger opened = new AtomicInteger();
        long before = System.currentTimeMillis();
        List<CapturedFrame> frames = new ArrayList<>();

        try (LoopingFrameSource source = new LoopingFrameSource(() -> {
            opened.incrementAndGet();
            return new ThreeFrames();
        })) {
            for (int i = 0; i < 8; i++) {
                frames.add(source.next());
            }
        }

        assertThat(opened).hasValue(3);
        assertThat(frames).extracting(CapturedFrame::index).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        for (int i = 1; i < frames.size(); i++) {
            assertThat(frames.get(i).timestampMillis()).as("stamp %d", i)
                    .isGreaterThan(frames.get(i - 1).timestampMillis());
        }
        assertThat(frames.get(0).timestampMillis()).as("stamped with the wall clock, not the file offset")
                .isGreaterThanOrEqualTo(before);
        assertThat(frames.get(2).timestampMillis() - frames.get(0).timestampMillis())
                .as("frames keep their spacing in the file").isGreaterThanOrEqualTo(20);
    }

    @Test
    void shouldEndWhenItsThreadIsInterrupted() throws IOException {
        try (LoopingFrameSource source = new LoopingFrameSource(ThreeFrames::new)) {
            assertThat(source.next()).isNotNull();

            Thread.currentThread().interrupt();
            CapturedFrame afterInterrupt = source.next();

            assertThat(Thread.interrupted()).as("the interrupt stays set for the pipeline").isTrue();
            assertThat(afterInterrupt).isNull();
        }
    }
}
