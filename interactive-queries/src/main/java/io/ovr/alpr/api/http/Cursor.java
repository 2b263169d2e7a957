package io.ovr.alpr.api.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An opaque page cursor: the sort values of the last row of a page (instants as epoch
 * microseconds, text Base64-wrapped), tagged with the kind of list they belong to, as URL-safe
 * Base64. Clients pass it back unchanged; anything that does not
 * decode to a cursor of the expected kind and shape is a 400 naming {@code cursor}. A cursor only
 * says where a page starts, so a tampered one can move a client within its own results but never
 * widen them.
 */
public final class Cursor {

    /** Longest cursor accepted. */
    public static final int MAX_LENGTH = 200;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_\\-]{4,200}");
    private static final String SEPARATOR = "|";
    private static final long LATEST_MICROS = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;

    private final String kind;
    private final List<String> values;

    private Cursor(String kind, List<String> values) {
        this.kind = kind;
        this.values = List.copyOf(values);
    }

    public static Cursor of(String kind, Object... values) {
        List<String> text = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof Instant instant) {
                text.add(micros(instant));
            } else if (value instanceof String string) {
                text.add("s" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        string.getBytes(StandardCharsets.UTF_8)));
            } else {
                text.add(String.valueOf(value));
            }
        }
        return new Cursor(kind, text);
    }

    public String encode() {
        String text = kind + SEPARATOR + String.join(SEPARATOR, values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor of {@code kind} with {@code size} values; 400 naming {@code cursor} otherwise. */
    public static Cursor decode(String raw, String kind, int size) {
        if (raw == null || !BASE64URL.matcher(raw).matches()) {
            throw invalid();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = text.split(Pattern.quote(SEPARATOR), -1);
        if (parts.length != size + 1 || !parts[0].equals(kind)) {
            throw invalid();
        }
        return new Cursor(kind, List.of(parts).subList(1, parts.length));
    }

    /** An instant between 1970 and 2200 (what any stored row can hold). */
    public Instant instant(int index) {
        long micros = number(index);
        if (micros < 0 || micros > LATEST_MICROS) {
            throw invalid();
        }
        return Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000L);
    }

    public long number(int index) {
        try {
            return Long.parseLong(values.get(index));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public UUID uuid(int index) {
        String value = values.get(index);
        if (value.length() != 36) {
            throw invalid();
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public String text(int index) {
        String value = values.get(index);
        if (!value.startsWith("s")) {
            throw invalid();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(value.substring(1)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static String micros(Instant instant) {
        return Long.toString(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1000L));
    }

    private static ApiException invalid() {
        return ApiException.badRequest("cursor", "cursor is not one this list gave out; pass the 'next' value of"
                + " the previous page unchanged");
    }
}
