package io.ovr.alpr.processors.rules;

import io.ovr.alpr.schema.PlateEvent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * One condition of a rule on a {@link PlateEvent} field (by its Avro name): equals, contains,
 * regex, in_list, greater_than, less_than. Strings compare case-insensitively; timestamps compare
 * as epoch milliseconds. Regexes come from the operator's rule file, never from API clients, and
 * are matched against at most {@value #MAX_INPUT} characters.
 */
public record Condition(String field, Operator operator, List<String> values, Pattern regex) {

    static final int MAX_INPUT = 256;

    /** The operators of the original system's alert_rules.yaml. */
    public enum Operator { EQUALS, CONTAINS, REGEX, IN_LIST, GREATER_THAN, LESS_THAN }

    public Condition {
        if (PlateEvent.getClassSchema().getField(field) == null) {
            throw new IllegalArgumentException("unknown event field '" + field + "'");
        }
        values = List.copyOf(values);
    }

    public boolean test(PlateEvent event) {
        Schema.Field f = event.getSchema().getField(field);
        Object raw = event.get(f.pos());
        if (raw == null) {
            return false;
        }
        return switch (operator) {
            case EQUALS -> text(raw).equalsIgnoreCase(values.get(0));
            case CONTAINS -> text(raw).toUpperCase(Locale.ROOT).contains(values.get(0).toUpperCase(Locale.ROOT));
            case REGEX -> regex.matcher(clip(text(raw))).matches();
            case IN_LIST -> values.stream().anyMatch(v -> v.equalsIgnoreCase(text(raw)));
            case GREATER_THAN -> number(raw) > Double.parseDouble(values.get(0));
            case LESS_THAN -> number(raw) < Double.parseDouble(values.get(0));
        };
    }

    private static String text(Object raw) {
        return raw instanceof Instant instant ? Long.toString(instant.toEpochMilli()) : raw.toString();
    }

    private static double number(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        try {
            return Double.parseDouble(raw.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String clip(String text) {
        return text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
    }
}
