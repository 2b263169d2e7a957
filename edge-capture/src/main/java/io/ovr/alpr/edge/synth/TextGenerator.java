package io.ovr.alpr.edge.synth;

import io.ovr.alpr.edge.reader.PlateFormats;
import java.util.List;
import java.util.Random;

/** Draws random plate numbers in the formats of each {@link PlateStyle} (those {@link PlateFormats} names). */
final class TextGenerator {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = LETTERS + DIGITS;

    private TextGenerator() {
    }

    static PlateText next(PlateStyle style, Random rnd) {
        return switch (style) {
            case BR -> PlateText.of(fill(PlateFormats.BR_GREY, rnd));
            case BR_MERCOSUR -> PlateText.of(fill(PlateFormats.BR_MERCOSUR, rnd));
            case US -> PlateText.of(fill(pick(PlateFormats.US, rnd), rnd));
            case EU -> PlateText.of(fill(pick(PlateFormats.EU, rnd), rnd));
        };
    }

    static String fill(String format, Random rnd) {
        StringBuilder sb = new StringBuilder(format.length());
        for (char c : format.toCharArray()) {
            sb.append(switch (c) {
                case 'L' -> LETTERS.charAt(rnd.nextInt(LETTERS.length()));
                case 'D' -> DIGITS.charAt(rnd.nextInt(DIGITS.length()));
                case 'X' -> ALNUM.charAt(rnd.nextInt(ALNUM.length()));
                default -> c;
            });
        }
        return sb.toString();
    }

    static <T> T pick(List<T> items, Random rnd) {
        return items.get(rnd.nextInt(items.size()));
    }
}
