package io.ovr.alpr.api.images;

import io.ovr.alpr.api.history.ImageKeys;
import java.util.Locale;

/** Which image of an event: the whole frame or the plate crop. */
public enum ImageKind {
    FRAME,
    PLATE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stored object key of this kind, or null when the edge stored none. */
    String key(ImageKeys keys) {
        return this == FRAME ? keys.frameKey() : keys.cropKey();
    }
}
