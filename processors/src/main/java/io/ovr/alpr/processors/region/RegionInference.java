package io.ovr.alpr.processors.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infers the region of a plate from its normalized text with the formats of
 * {@code plate-formats.yaml}: every matching format adds its weight to its region (times the prior
 * boost when it is the camera's default region or inside it), and the region with the most
 * evidence wins, with its share of the evidence as confidence.
 */
public final class RegionInference {

    private final List<PlateFormat> formats;
    private final double priorBoost;
    /** One matcher per format and thread: an inference allocates no matchers. */
    private final ThreadLocal<Matcher[]> matchers;

    public RegionInference(List<PlateFormat> formats, double priorBoost) {
        this.formats = List.copyOf(formats);
        this.priorBoost = priorBoost;
        this.matchers = ThreadLocal.withInitial(() -> this.formats.stream().map(f -> f.pattern().matcher(""))
                .toArray(Matcher[]::new));
    }

    /** The formats shipped in {@code plate-formats.yaml}. */
    public static RegionInference fromClasspath() {
        try (InputStream in = RegionInference.class.getResourceAsStream("/plate-formats.yaml")) {
            if (in == null) {
                throw new IllegalStateException("plate-formats.yaml is missing from the classpath");
            }
            return fromYaml(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RegionInference fromYaml(InputStream yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        List<PlateFormat> formats = new ArrayList<>();
        for (JsonNode f : root.path("formats")) {
            formats.add(new PlateFormat(f.get("region").asText(), f.path("name").asText(""),
                    Pattern.compile(f.get("pattern").asText()), f.get("weight").asDouble()));
        }
        return new RegionInference(formats, root.path("priorBoost").asDouble(1.0));
    }

    /** The region of {@code normalized}, using {@code prior} (a camera's default region, may be null). */
    public RegionGuess infer(String normalized, String prior) {
        String priorCode = prior == null ? null : prior.toUpperCase(Locale.ROOT);
        Map<String, Double> evidence = new HashMap<>();
        double total = 0;
        Matcher[] byFormat = matchers.get();
        for (int i = 0; i < byFormat.length; i++) {
            PlateFormat format = formats.get(i);
            if (byFormat[i].reset(normalized).matches()) {
                double score = format.weight() * (inside(format.region(), priorCode) ? priorBoost : 1.0);
                evidence.merge(format.region(), score, Double::sum);
                total += score;
            }
        }
        if (evidence.isEmpty()) {
            return priorCode == null ? RegionGuess.UNKNOWN : new RegionGuess(priorCode, 0.1f);
        }
        Map.Entry<String, Double> best = evidence.entrySet().stream()
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow();
        return new RegionGuess(best.getKey(), (float) (best.getValue() / total));
    }

    private static boolean inside(String region, String prior) {
        return prior != null && (region.equals(prior) || region.startsWith(prior + "-"));
    }
}
