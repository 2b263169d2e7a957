package io.ovr.alpr.edge.eval;

import io.ovr.alpr.edge.image.Box;
import io.ovr.alpr.edge.synth.PlateText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One image of an OpenALPR-benchmark-format dataset: a {@code .txt} per image whose lines are
 * {@code file<TAB>x<TAB>y<TAB>w<TAB>h<TAB>TEXT}.
 *
 * @param image the image file
 * @param plates the plates in it
 */
public record GroundTruth(Path image, List<Plate> plates) {

    /**
     * One labelled plate.
     *
     * @param box where it is
     * @param text its text, A-Z0-9
     */
    public record Plate(Box box, String text) {
    }

    /** Every image of a benchmark folder, sorted by name. */
    public static List<GroundTruth> loadDir(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<GroundTruth> out = new ArrayList<>();
            for (Path txt : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                out.add(parse(txt, Files.readAllLines(txt, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GroundTruth parse(Path txt, List<String> lines) {
        List<Plate> plates = new ArrayList<>();
        String file = null;
        for (String line : lines) {
            String[] f = line.trim().split("\t");
            if (f.length < 6) {
                continue;
            }
            file = f[0];
            plates.add(new Plate(new Box(Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4])), PlateText.normalize(f[5])));
        }
        if (file == null) {
            throw new IllegalArgumentException("no plate line in " + txt);
        }
        return new GroundTruth(image(txt, file), List.copyOf(plates));
    }

    /**
     * The image a label file names; when that file is missing, the image beside the label file with
     * the same base name (some published sets name a .png that ships as .jpg).
     */
    static Path image(Path txt, String named) {
        Path p = txt.resolveSibling(named);
        if (Files.exists(p)) {
            return p;
        }
        String base = txt.getFileName().toString().replaceAll("\\.txt$", "");
        for (String ext : List.of(".jpg", ".jpeg", ".png", ".JPG", ".PNG")) {
            Path alt = txt.resolveSibling(base + ext);
            if (Files.exists(alt)) {
                return alt;
            }
        }
        return p;
    }
}
