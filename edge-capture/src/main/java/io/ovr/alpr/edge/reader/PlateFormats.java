package io.ovr.alpr.edge.reader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The plate number formats a camera can see, as a prior for the reader (what OpenALPR's
 * per-country {@code postprocess} patterns do): templates of {@code L} (a letter), {@code D}
 * (a digit) and {@code X} (either), one per printed format. When formats are set, the CTC
 * decoder keeps only readings that fit one of them, so a letter is not read where the format
 * has a digit (O/0, I/1, B/8) and a reading is not a character short of every format.
 * {@link #ANY} sets no prior.
 *
 * <p>The named regions list the formats the plate renderer draws ({@code TextGenerator}); they
 * are samples of each region's real formats, not all of them (US vanity plates, for instance,
 * are covered only by the 5- and 6-character {@code X} formats).
 */
public final class PlateFormats {

    /** Brazil's grey plates, {@code ABC-1234}. */
    public static final String BR_GREY = "LLL-DDDD";
    /** Brazil's Mercosur plates, {@code ABC1D23}. */
    public static final String BR_MERCOSUR = "LLLDLDD";
    /** Brazil: grey and Mercosur plates. */
    public static final List<String> BR = List.of(BR_GREY, BR_MERCOSUR);
    /** A sample of United States passenger formats, vanity plates as any 5 or 6 characters. */
    public static final List<String> US = List.of(
            "DLLLDDD", "LLL DDDD", "LLL-DDDD", "DDD LLL", "LLL DDD", "DLLDDD", "LL DDDDD", "XXXXX", "XXXXXX");
    /** A sample of European formats (France, Germany, the United Kingdom, Italy, Spain, ...). */
    public static final List<String> EU = List.of(
            "LL-DDD-LL", "LL DDD LL", "L LL DDDD", "LL LL DDD", "LLDD LLL", "D-LLL-DDD",
            "DDDD LLL", "LL-DD-LL", "DD-LLL-D", "LLL DDD", "L DDDD LL");
    private static final Map<String, List<String>> REGIONS = Map.of("br", BR, "us", US, "eu", EU);
    private static final int MAX_TEMPLATES = 64;
    private static final int MAX_LENGTH = 10;

    /** No prior: every reading the network gives is kept. */
    public static final PlateFormats ANY = new PlateFormats("any", List.of());

    private final String spec;
    private final List<String> templates;
    /** {@code allowed[pos][class]}: the templates that admit that class at that position. */
    private final long[][] allowed;
    /** {@code complete[length]}: the templates of that length. */
    private final long[] complete;

    private PlateFormats(String spec, List<String> templates) {
        if (templates.size() > MAX_TEMPLATES) {
            throw new IllegalArgumentException("at most " + MAX_TEMPLATES + " plate formats, got " + templates.size());
        }
        this.spec = spec;
        this.templates = List.copyOf(templates);
        this.allowed = new long[MAX_LENGTH][Alphabet.CLASSES];
        this.complete = new long[MAX_LENGTH + 1];
        for (int t = 0; t < this.templates.size(); t++) {
            String template = this.templates.get(t);
            complete[template.length()] |= 1L << t;
            for (int pos = 0; pos < template.length(); pos++) {
                for (int c = 0; c < Alphabet.BLANK; c++) {
                    if (admits(template.charAt(pos), Alphabet.charOf(c))) {
                        allowed[pos][c] |= 1L << t;
                    }
                }
            }
        }
    }

    /**
     * Formats from a comma-separated list of region names ({@code br}, {@code us}, {@code eu}) and
     * templates ({@code LLLDLDD}; separators such as {@code -} and spaces are ignored), or
     * {@code any} for no prior.
     */
    public static PlateFormats parse(String spec) {
        String trimmed = spec == null ? "" : spec.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("plate formats: give region names (br, us, eu), templates of L, D and X, or any");
        }
        if (trimmed.equalsIgnoreCase("any")) {
            return ANY;
        }
        Set<String> templates = new LinkedHashSet<>();
        for (String token : trimmed.split(",")) {
            String t = token.trim();
            List<String> region = REGIONS.get(t.toLowerCase(Locale.ROOT));
            if (region != null) {
                region.forEach(f -> templates.add(template(f)));
            } else {
                templates.add(template(t));
            }
        }
        return new PlateFormats(trimmed, new ArrayList<>(templates));
    }

    /** A printed format ({@code LL-DDD-LL}) as a template of L, D and X only. */
    static String template(String format) {
        String t = format.replaceAll("[\\s-]", "");
        if (t.isEmpty() || t.length() > MAX_LENGTH || !t.matches("[LDX]+")) {
            throw new IllegalArgumentException("not a plate format: '" + format
                    + "' (a region name br, us or eu, or 1 to " + MAX_LENGTH + " of L for a letter, D for a digit, X for either)");
        }
        return t;
    }

    private static boolean admits(char slot, char c) {
        return switch (slot) {
            case 'L' -> Character.isLetter(c);
            case 'D' -> Character.isDigit(c);
            default -> true;
        };
    }

    /** Whether no prior is set. */
    public boolean any() {
        return templates.isEmpty();
    }

    public List<String> templates() {
        return templates;
    }

    /** Whether {@code text} (A-Z0-9) fits one of the formats; always with {@link #ANY}. */
    public boolean matches(String text) {
        if (any()) {
            return true;
        }
        long mask = all();
        for (int pos = 0; pos < text.length() && mask != 0; pos++) {
            mask = extend(mask, pos, Alphabet.index(text.charAt(pos)));
        }
        return isComplete(mask, text.length());
    }

    /** The templates every prefix fits: all of them. */
    long all() {
        return templates.size() == 64 ? -1L : (1L << templates.size()) - 1;
    }

    /** The templates a prefix fits after its character {@code pos} is class {@code cls}. */
    long extend(long mask, int pos, int cls) {
        return pos >= MAX_LENGTH ? 0 : mask & allowed[pos][cls];
    }

    /** Whether a prefix of {@code length} characters fitting {@code mask} is a whole plate. */
    boolean isComplete(long mask, int length) {
        return length <= MAX_LENGTH && (mask & complete[length]) != 0;
    }

    @Override
    public String toString() {
        return spec;
    }
}
