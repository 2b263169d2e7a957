package io.ovr.alpr.edge.source;

import io.ovr.alpr.edge.image.ImageOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Frames from an image folder (sorted by name) or a single image. */
final class ImageSource implements FrameSource {

    private final List<Path> files;
    private int next;

    ImageSource(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(ImageSource::isImage).sorted().toList();
            }
        } else {
            files = List.of(path);
        }
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".bmp");
    }

    @Override
    public CapturedFrame next() throws IOException {
        if (next >= files.size()) {
            return null;
        }
        Path p = files.get(next);
        var img = ImageIO.read(p.toFile());
        if (img == null) {
            throw new IOException("not a readable image: " + p);
        }
        return new CapturedFrame(next++, Files.getLastModifiedTime(p).toMillis(), ImageOps.toBgr(img));
    }

    @Override
    public boolean continuous() {
        return false;
    }

    @Override
    public void close() {
        // nothing held open between frames
    }
}
