package io.ovr.alpr.processors.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ovr.alpr.schema.PlateEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The alert rules of a YAML file in the layout of the original system's {@code alert_rules.yaml}:
 * <pre>
 * rules:
 *   - name: night-visitor
 *     priority: 3
 *     match: all                    # or any
 *     conditions:
 *       - {field: confidence, operator: greater_than, value: 0.8}
 *       - {field: normalized, operator: regex, value: "[A-Z]{3}[0-9]{4}"}
 *     sites: [campus]               # optional; also cameras: [...]
 *     time_window: {from: "22:00", to: "06:00", zone: "UTC"}
 *     cooldown: 10m                 # s, m, h
 *     cooldown_key: normalized      # an event field
 *     message: Vehicle at night
 * </pre>
 */
public record RuleSet(List<AlertRule> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    public static RuleSet empty() {
        return new RuleSet(List.of());
    }

    /** Rules matching {@code event}, cooldown aside. */
    public List<AlertRule> matching(PlateEvent event) {
        List<AlertRule> out = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (rule.matches(event)) {
                out.add(rule);
            }
        }
        return out;
    }

    /** The rule named {@code name}, if the set has one. */
    public Optional<AlertRule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The longest cooldown of any rule: how long cooldown state must be kept. */
    public Duration longestCooldown() {
        return rules.stream().map(AlertRule::cooldown).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public static RuleSet fromYaml(InputStream yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        List<AlertRule> rules = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            rules.add(rule(r));
        }
        return new RuleSet(rules);
    }

    private static AlertRule rule(JsonNode r) {
        String name = r.path("name").asText();
        if (name.isBlank()) {
            throw new IllegalArgumentException("every rule needs a name");
        }
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : r.path("conditions")) {
            conditions.add(condition(name, c));
        }
        Optional<AlertRule.TimeWindow> window = Optional.empty();
        JsonNode w = r.path("time_window");
        if (!w.isMissingNode()) {
            window = Optional.of(new AlertRule.TimeWindow(LocalTime.parse(w.get("from").asText()),
                    LocalTime.parse(w.get("to").asText()), ZoneId.of(w.path("zone").asText("UTC"))));
        }
        return new AlertRule(name, r.path("enabled").asBoolean(true), r.path("priority").asInt(1),
                !"any".equalsIgnoreCase(r.path("match").asText("all")), conditions, strings(r.path("cameras")),
                strings(r.path("sites")), window, duration(r.path("cooldown").asText("0s")),
                r.path("cooldown_key").asText("normalized"), r.path("message").asText(name));
    }

    private static Condition condition(String rule, JsonNode c) {
        Condition.Operator operator;
        try {
            operator = Condition.Operator.valueOf(c.path("operator").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule " + rule + ": unknown operator '" + c.path("operator").asText()
                    + "'", e);
        }
        JsonNode value = c.get("value");
        List<String> values = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(v -> values.add(v.asText()));
        } else if (value != null) {
            values.add(value.asText());
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("rule " + rule + ": condition on " + c.path("field").asText()
                    + " needs a value");
        }
        Pattern regex = operator == Condition.Operator.REGEX ? Pattern.compile(values.get(0)) : null;
        return new Condition(c.path("field").asText(), operator, values, regex);
    }

    private static Set<String> strings(JsonNode node) {
        Set<String> out = new HashSet<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("cooldown '" + text + "' needs a unit s, m, h or d");
        };
    }
}
