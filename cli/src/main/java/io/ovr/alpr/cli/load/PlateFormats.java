package io.ovr.alpr.cli.load;

import java.util.Map;
import java.util.Random;

/**
 * Plate formats by region, as the topology's {@code plate-formats.yaml} knows them: {@code L} a
 * letter, {@code D} a digit, anything else kept (spaces and dashes, as a reader returns them).
 */
final class PlateFormats {

    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final Map<String, String[]> FORMATS = Map.of(
            "BR", new String[] {"LLLDLDD", "LLL-DDDD"},
            "DE", new String[] {"LL LL DDDD", "L LL DDD"},
            "GB", new String[] {"LLDD LLL"},
            "FR", new String[] {"LL-DDD-LL"},
            "US-CA", new String[] {"DLLLDDD"},
            "IT", new String[] {"LLDDDLL"},
            "ES", new String[] {"DDDD LLL"},
            "NL", new String[] {"LL-DDD-L", "DD-LLL-D"},
            "PL", new String[] {"LL DDDDD", "LLL DDDD"});

    private PlateFormats() {
    }

    /** A random plate of {@code region}. */
    static String random(String region, Random random) {
        String[] formats = FORMATS.get(region);
        if (formats == null) {
            throw new IllegalArgumentException("no plate format for region " + region);
        }
        String format = formats[random.nextInt(formats.length)];
        StringBuilder plate = new StringBuilder(format.length());
        for (char c : format.toCharArray()) {
            plate.append(switch (c) {
                case 'L' -> LETTERS.charAt(random.nextInt(LETTERS.length()));
                case 'D' -> (char) ('0' + random.nextInt(10));
                default -> c;
            });
        }
        return plate.toString();
    }
}
