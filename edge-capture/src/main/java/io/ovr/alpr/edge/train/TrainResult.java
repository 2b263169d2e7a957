package io.ovr.alpr.edge.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a training run produced.
 *
 * @param model the saved weights
 * @param steps optimisation steps taken
 * @param metrics measured figures on held-out data (name → value)
 */
public record TrainResult(Path model, int steps, Map<String, Double> metrics) {
}
