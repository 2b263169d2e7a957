package io.ovr.alpr.edge.synth;

/** The plate layouts the renderer draws. */
public enum PlateStyle {
    /** Brazilian grey/red plate, old style {@code ABC-1234}, city line on top. */
    BR,
    /** Brazilian Mercosur plate {@code ABC1D23}, blue band on top. */
    BR_MERCOSUR,
    /** United States plate, state name on top, 5 to 7 characters. */
    US,
    /** European Union plate, blue band with the country code on the left. */
    EU;

    /** The region name {@code PlateFormats.parse} knows this layout's formats by. */
    public String region() {
        return switch (this) {
            case BR, BR_MERCOSUR -> "br";
            case US -> "us";
            case EU -> "eu";
        };
    }
}
