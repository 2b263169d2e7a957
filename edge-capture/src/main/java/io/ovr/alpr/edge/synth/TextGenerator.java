package io.ovr.alpr.edge.synth;

import java.util.List;
import java.util.Random;

/** Draws random plate numbers in the formats of each {@link PlateStyle}. */
final class TextGenerator {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = LETTERS + DIGITS;
    private static final List<String> EU_FORMATS = List.of(
            "LL-DDD-LL", "LL DDD LL", "L LL DDDD", "LL LL DDD", "LLDD LLL", "D-LLL-DDD",
            "DDDD LLL", "LL-DD-LL", "DD-LLL-D", "LLL DDD", "L DDDD LL");
    private static final List<String> US_FORMATS = List.of(
            "DLLLDDD", "LLL DDDD", "LLL-DDDD", "DDD LLL", "LLL DDD", "DLLDDD", "LL DDDDD", "XXXXX", "XXXXXX");

    private TextGenerator() {
    }

    static PlateText next(PlateStyle style, Random rnd) {
        return switch (style) {
            case BR -> PlateText.of(fill("LLL-DDDD", rnd));
            case BR_MERCOSUR -> PlateText.of(fill("LLLDLDD", rnd));
            case US -> PlateText.of(fill(pick(US_FORMATS, rnd), rnd));
            case EU -> PlateText.of(fill(pick(EU_FORMATS, rnd), rnd));
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
