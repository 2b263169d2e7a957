package io.ovr.alpr.edge.train;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs training progress: step, loss, examples per second. */
final class Progress {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final long start = System.nanoTime();
    private final String name;
    private double smoothedLoss = Double.NaN;

    Progress(String name) {
        this.name = name;
    }

    void step(int step, int batchSize, double loss, int every) {
        smoothedLoss = Double.isNaN(smoothedLoss) ? loss : 0.95 * smoothedLoss + 0.05 * loss;
        if (step % every == 0) {
            double secs = elapsedMinutes() * 60;
            LOG.info(String.format(Locale.ROOT, "%s step %d loss %.4f (%.1f examples/s, %.1f min)",
                    name, step, smoothedLoss, step * batchSize / secs, secs / 60));
        }
    }

    double elapsedMinutes() {
        return (System.nanoTime() - start) / 60e9;
    }

    double loss() {
        return smoothedLoss;
    }
}
