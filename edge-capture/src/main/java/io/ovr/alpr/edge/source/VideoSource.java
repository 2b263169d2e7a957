package io.ovr.alpr.edge.source;

import java.io.IOException;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from a video file or a network stream through FFmpeg, thinned to a target frame rate.
 * A live stream that drops is reopened with exponential backoff (up to {@code maxReconnects}).
 */
final class VideoSource implements FrameSource {

    private static final Logger LOG = LoggerFactory.getLogger(VideoSource.class);

    private final String url;
    private final double targetFps;
    private final int maxReconnects;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private FFmpegFrameGrabber grabber;
    private long index;
    private long lastKeptMicros = Long.MIN_VALUE;
    /** A file's frames are dated from when it was opened: its own timestamps start at 0 (1970). */
    private final long openedAtMillis = System.currentTimeMillis();

    VideoSource(String url, double targetFps, int maxReconnects) throws IOException {
        this.url = url;
        this.targetFps = targetFps;
        this.maxReconnects = maxReconnects;
        try {
            open();
        } catch (IOException e) {
            if (maxReconnects == 0) {
                throw e;
            }
            LOG.warn("{} not reachable yet ({}); retrying", url, e.getMessage());
            grabber = null;
        }
    }

    private void open() throws IOException {
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url);
        if (url.startsWith("rtsp://")) {
            g.setOption("rtsp_transport", "tcp");
        }
        g.setOption("rw_timeout", "10000000");
        g.start();
        grabber = g;
    }

    @Override
    public CapturedFrame next() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (grabber == null) {
                    open();
                }
                CapturedFrame f = grabKept();
                if (f != null || maxReconnects == 0) {
                    return f;
                }
                throw new IOException("stream ended");
            } catch (IOException e) {
                if (attempt >= maxReconnects) {
                    throw e;
                }
                reconnect(attempt, e);
            }
        }
    }

    private CapturedFrame grabKept() throws FrameGrabber.Exception {
        long minGap = targetFps > 0 ? (long) (1_000_000 / targetFps) : 0;
        while (true) {
            org.bytedeco.javacv.Frame frame = grabber.grabImage();
            if (frame == null) {
                return null;
            }
            long ts = grabber.getTimestamp();
            if (lastKeptMicros != Long.MIN_VALUE && ts - lastKeptMicros < minGap) {
                continue;
            }
            lastKeptMicros = ts;
            long millis = url.contains("://") ? System.currentTimeMillis() : openedAtMillis + ts / 1000;
            return new CapturedFrame(index++, millis, toImage(frame));
        }
    }

    /**
     * A new image of the frame. FFmpeg's BGR24 rows are copied in bulk into a 3-byte BGR image
     * (which the grey conversion and the JPEG writer read directly); other layouts go through
     * JavaCV's converter, whose per-byte copy and redraw took most of the decode stage.
     */
    private java.awt.image.BufferedImage toImage(org.bytedeco.javacv.Frame frame) {
        if (frame.imageChannels == 3 && frame.imageDepth == org.bytedeco.javacv.Frame.DEPTH_UBYTE
                && frame.image[0] instanceof java.nio.ByteBuffer buf) {
            return bgr(buf, frame.imageWidth, frame.imageHeight, frame.imageStride);
        }
        java.awt.image.BufferedImage img = converter.convert(frame);
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(img.getWidth(), img.getHeight(),
                java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    /** A 3-byte BGR image of {@code height} rows of {@code stride} bytes each, {@code width * 3} of them pixels. */
    static java.awt.image.BufferedImage bgr(java.nio.ByteBuffer buf, int width, int height, int stride) {
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        byte[] d = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int row = width * 3;
        if (stride == row) {
            buf.get(0, d, 0, row * height);
        } else {
            for (int y = 0; y < height; y++) {
                buf.get(y * stride, d, y * row, row);
            }
        }
        return out;
    }

    private void reconnect(int attempt, IOException cause) throws IOException {
        long backoff = Math.min(30_000, 500L << Math.min(attempt, 6));
        LOG.warn("{} dropped ({}); reconnecting in {} ms", url, cause.getMessage(), backoff);
        try {
            close();
        } catch (IOException e) {
            LOG.debug("closing {} after it dropped failed too", url, e);
        }
        grabber = null;
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reconnecting to " + url, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (grabber != null) {
            grabber.close();
        }
    }
}
