package io.ovr.alpr.edge.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one evaluation (name → value; rates are fractions in [0, 1]).
 *
 * @param dataset what was measured
 * @param figures the figures, in report order
 */
public record EvalReport(String dataset, Map<String, Double> figures) {

    public EvalReport {
        figures = Map.copyOf(figures);
    }

    /** A plain-text table, one figure a line, in the given order. */
    public String table(Iterable<String> order) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-34s %s%n", "figure (" + dataset + ")", "value"));
        for (String k : order) {
            Double v = figures.get(k);
            if (v != null) {
                sb.append(String.format(Locale.ROOT, "%-34s %s%n", k, format(v)));
            }
        }
        return sb.toString();
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    public void writeJson(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(),
                Map.of("dataset", dataset, "figures", new java.util.TreeMap<>(figures)));
    }

    /** The figures as {@code name=value} pairs, for logs. */
    @Override
    public String toString() {
        return dataset + " " + figures.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + format(e.getValue())).collect(Collectors.joining(", "));
    }
}
