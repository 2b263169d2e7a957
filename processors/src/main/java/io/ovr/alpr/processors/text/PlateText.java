package io.ovr.alpr.processors.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Plate text forms: {@code normalized} is upper-case A-Z0-9 only; {@code folded} maps characters a
 * reader confuses to one class (0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, 6/G), so a misread still matches.
 */
public final class PlateText {

    private static final char[] FOLD = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            FOLD[c] = c;
        }
        for (char c : "OQD".toCharArray()) {
            FOLD[c] = '0';
        }
        for (char c : "IL".toCharArray()) {
            FOLD[c] = '1';
        }
        FOLD['Z'] = '2';
        FOLD['S'] = '5';
        FOLD['B'] = '8';
        FOLD['G'] = '6';
    }

    private PlateText() {
    }

    /** Upper-case A-Z and 0-9 only; accents are stripped ({@code ä} becomes {@code A}), everything else dropped. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Folds a normalized text; characters outside A-Z0-9 are kept as they are. */
    public static String fold(String normalized) {
        char[] chars = normalized.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c < 128) {
                chars[i] = FOLD[c];
            }
        }
        return new String(chars);
    }

    /**
     * Levenshtein distance of {@code a} and {@code b} when it is at most {@code max}, otherwise
     * {@code max + 1}; runs in O(max * length).
     */
    public static int editDistance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], max + 1);
    }
}
