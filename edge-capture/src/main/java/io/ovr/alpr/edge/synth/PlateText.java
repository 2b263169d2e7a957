package io.ovr.alpr.edge.synth;

import java.util.Locale;

/**
 * A plate's text as printed ({@code display}, with spaces and dashes) and as read
 * ({@code label}, upper-case A-Z0-9 only).
 *
 * @param display the text drawn on the plate
 * @param label the text a reader must produce
 */
public record PlateText(String display, String label) {

    /** Builds the label from the display text. */
    public static PlateText of(String display) {
        return new PlateText(display, normalize(display));
    }

    /** Upper-case A-Z0-9 only. */
    public static String normalize(String text) {
        return text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
