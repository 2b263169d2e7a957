package io.ovr.alpr.edge.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Real labelled plate crops ({@code labels.tsv}: file, text), split deterministically by plate
 * text into a training part and a held-out part, so that the same plate never sits on both sides.
 */
public final class LabelledPlates {

    /** One labelled crop. */
    public record Plate(String file, String text, BufferedImage image) {
    }

    private final List<Plate> train;
    private final List<Plate> holdout;

    private LabelledPlates(List<Plate> train, List<Plate> holdout) {
        this.train = List.copyOf(train);
        this.holdout = List.copyOf(holdout);
    }

    /** Loads {@code dir/labels.tsv}; one plate text in {@code holdoutEvery} goes to the held-out part. */
    public static LabelledPlates load(Path dir, int holdoutEvery) {
        List<Plate> train = new ArrayList<>();
        List<Plate> holdout = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length < 2 || "file".equals(f[0])) {
                    continue;
                }
                BufferedImage img = ImageIO.read(dir.resolve(f[0]).toFile());
                String text = io.ovr.alpr.edge.synth.PlateText.normalize(f[1]);
                if (img == null || text.isEmpty() || text.length() > 8) {
                    continue;
                }
                (isHoldout(text, holdoutEvery) ? holdout : train).add(new Plate(f[0], text, img));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelledPlates(train, holdout);
    }

    static boolean isHoldout(String text, int every) {
        int h = 0;
        for (char c : text.toCharArray()) {
            h = h * 131 + c;
        }
        return Math.floorMod(h * 0x9E3779B1, every) == 0;
    }

    public List<Plate> train() {
        return train;
    }

    public List<Plate> holdout() {
        return holdout;
    }
}
