package io.ovr.alpr.edge.train;

import io.ovr.alpr.edge.reader.Alphabet;
import io.ovr.alpr.edge.reader.CtcReaderNet;
import io.ovr.alpr.edge.reader.PlateReader;
import io.ovr.alpr.edge.reader.ReaderNet;
import io.ovr.alpr.edge.synth.PlateRenderer;
import io.ovr.alpr.edge.synth.PlateSample;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Builds reader training batches: rendered crops mixed with augmented real labelled crops. */
final class ReaderBatches {

    private final PlateRenderer renderer;
    private final List<LabelledPlates.Plate> real;
    private final double realFraction;
    private final Random rnd;

    private final boolean ctc;

    ReaderBatches(PlateRenderer renderer, List<LabelledPlates.Plate> real, double realFraction, long seed, boolean ctc) {
        this.renderer = renderer;
        this.ctc = ctc;
        this.real = real;
        this.realFraction = real.isEmpty() ? 0 : realFraction;
        this.rnd = new Random(seed);
    }

    MultiDataSet next(int size) {
        List<BufferedImage> images = new ArrayList<>(size);
        List<String> texts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (rnd.nextDouble() < realFraction) {
                LabelledPlates.Plate p = real.get(rnd.nextInt(real.size()));
                images.add(renderer.augment(p.image()));
                texts.add(p.text());
            } else {
                PlateSample s = renderer.nextCrop();
                images.add(s.image());
                texts.add(s.text().label());
            }
        }
        return of(images, texts, ctc);
    }

    static MultiDataSet of(List<BufferedImage> images, List<String> texts, boolean ctc) {
        return new MultiDataSet(new INDArray[] {PlateReader.features(images)},
                ctc ? new INDArray[] {ctcLabels(texts)} : labels(texts));
    }

    /** {@code [n, classes, 1, frames]}: the label sequence one-hot in the first frames, then zeros. */
    static INDArray ctcLabels(List<String> texts) {
        int frames = CtcReaderNet.FRAMES;
        INDArray out = Nd4j.zeros(texts.size(), Alphabet.CLASSES, 1, frames);
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            for (int s = 0; s < t.length(); s++) {
                out.putScalar(new long[] {i, Alphabet.index(t.charAt(s)), 0, s}, 1f);
            }
        }
        return out;
    }

    static INDArray[] labels(List<String> texts) {
        INDArray[] out = new INDArray[ReaderNet.SLOTS];
        for (int s = 0; s < ReaderNet.SLOTS; s++) {
            float[] oneHot = new float[texts.size() * Alphabet.CLASSES];
            for (int i = 0; i < texts.size(); i++) {
                String t = texts.get(i);
                int cls = s < t.length() ? Alphabet.index(t.charAt(s)) : Alphabet.BLANK;
                oneHot[i * Alphabet.CLASSES + cls] = 1f;
            }
            out[s] = Nd4j.create(oneHot, new long[] {texts.size(), Alphabet.CLASSES}, 'c');
        }
        return out;
    }
}
