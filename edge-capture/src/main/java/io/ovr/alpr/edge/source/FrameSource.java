package io.ovr.alpr.edge.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where frames come from: a video file, an RTSP stream, an image folder or a single image. */
public interface FrameSource extends AutoCloseable {

    /** The next frame, or null at the end of the source. */
    CapturedFrame next() throws IOException;

    @Override
    void close() throws IOException;

    /**
     * Whether consecutive frames show the same scene moments apart (video), so that plates can be
     * tracked across them; false for a folder of unrelated images.
     */
    default boolean continuous() {
        return true;
    }

    /**
     * Opens {@code spec}: a folder or image file ({@code .jpg}, {@code .png}) as images, anything
     * else (a video file, {@code rtsp://...}, {@code http://...}) through FFmpeg at {@code targetFps}.
     */
    static FrameSource open(String spec, double targetFps) throws IOException {
        Path p = spec.contains("://") ? null : Path.of(spec);
        if (p != null && (Files.isDirectory(p) || ImageSource.isImage(p))) {
            return new ImageSource(p);
        }
        // a live stream is reopened (with backoff up to 30 s) however long it stays away; a file ends
        return new VideoSource(spec, targetFps, spec.contains("://") ? Integer.MAX_VALUE : 0);
    }
}
