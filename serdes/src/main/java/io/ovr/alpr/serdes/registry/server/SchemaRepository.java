package io.ovr.alpr.serdes.registry.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.AvroRuntimeException;

/**
 * The registry's state and rules: subjects with versions, global ids shared by identical schemas,
 * compatibility levels, checks with Avro's {@link SchemaCompatibility}. Every change is written to
 * the {@link SchemaLog} before it becomes visible, and the state is rebuilt from it on start.
 */
final class SchemaRepository {

    static final Set<String> LEVELS = Set.of("NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD",
            "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE");

    /** A version of a subject. */
    record Version(String subject, int version, int id, String schema) {
    }

    private final SchemaLog log;
    private final String defaultLevel;
    private final Map<String, TreeMap<Integer, Version>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, String> subjectLevels = new HashMap<>();
    private String globalLevel;

    SchemaRepository(SchemaLog log, String defaultLevel) {
        this.log = log;
        this.defaultLevel = defaultLevel;
        this.globalLevel = defaultLevel;
        log.replay().forEach(this::apply);
    }

    synchronized int register(String subject, String schemaText) {
        String canonical = canonical(schemaText);
        Optional<Version> existing = find(subject, canonical);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        checkCompatible(subject, canonical);
        int id = idsBySchema.getOrDefault(canonical, schemasById.keySet().stream().mapToInt(i -> i).max().orElse(0) + 1);
        TreeMap<Integer, Version> versions = subjects.get(subject);
        int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
        LogEntry.SchemaVersion entry = new LogEntry.SchemaVersion(subject, version, id, canonical, false);
        log.append(entry);
        apply(entry);
        return id;
    }

    synchronized Version lookup(String subject, String schemaText) {
        if (!subjects.containsKey(subject)) {
            throw RegistryError.subjectNotFound(subject);
        }
        return find(subject, canonical(schemaText)).orElseThrow(() -> RegistryError.schemaNotFound("not"
                + " registered under subject " + subject + ";"));
    }

    synchronized boolean isCompatible(String subject, String versionText, String schemaText) {
        String canonical = canonical(schemaText);
        Version against = version(subject, versionText);
        return compatible(level(subject), canonical, List.of(against));
    }

    synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    synchronized List<Integer> versions(String subject) {
        return List.copyOf(versionsOf(subject).keySet());
    }

    synchronized Version version(String subject, String versionText) {
        TreeMap<Integer, Version> versions = versionsOf(subject);
        if ("latest".equals(versionText) || "-1".equals(versionText)) {
            return versions.lastEntry().getValue();
        }
        int number;
        try {
            number = Integer.parseInt(versionText);
        } catch (NumberFormatException e) {
            throw RegistryError.invalidVersion(versionText);
        }
        if (number < 1) {
            throw RegistryError.invalidVersion(versionText);
        }
        Version version = versions.get(number);
        if (version == null) {
            throw RegistryError.versionNotFound(versionText);
        }
        return version;
    }

    synchronized String schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            throw RegistryError.schemaNotFound("with id " + id);
        }
        return schema;
    }

    synchronized List<Integer> deleteSubject(String subject) {
        List<Integer> deleted = new ArrayList<>();
        for (Version v : versionsOf(subject).values()) {
            LogEntry.SchemaVersion entry = new LogEntry.SchemaVersion(subject, v.version(), v.id(), v.schema(), true);
            log.append(entry);
            deleted.add(v.version());
        }
        deleted.forEach(version -> subjects.get(subject).remove(version));
        subjects.remove(subject);
        return deleted;
    }

    synchronized String globalLevel() {
        return globalLevel;
    }

    synchronized Optional<String> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized String setLevel(String subject, String level) {
        String upper = level == null ? "" : level.toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(upper)) {
            throw RegistryError.invalidCompatibility(level);
        }
        LogEntry.CompatibilityConfig entry = new LogEntry.CompatibilityConfig(subject, upper);
        log.append(entry);
        apply(entry);
        return upper;
    }

    synchronized String clearLevel(String subject) {
        String previous = subjectLevels.get(subject);
        if (previous == null) {
            throw RegistryError.subjectConfigNotFound(subject);
        }
        LogEntry.CompatibilityConfig entry = new LogEntry.CompatibilityConfig(subject, null);
        log.append(entry);
        apply(entry);
        return previous;
    }

    private String level(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private void checkCompatible(String subject, String canonical) {
        TreeMap<Integer, Version> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            return;
        }
        String level = level(subject);
        List<Version> against = level.endsWith("_TRANSITIVE") ? List.copyOf(versions.values())
                : List.of(versions.lastEntry().getValue());
        if (!compatible(level, canonical, against)) {
            throw RegistryError.incompatible(subject + " at compatibility level " + level);
        }
    }

    private static boolean compatible(String level, String candidateText, List<Version> against) {
        Schema candidate = parse(candidateText);
        String base = level.replace("_TRANSITIVE", "");
        for (Version existing : against) {
            Schema previous = parse(existing.schema());
            boolean backward = !base.equals("FORWARD") && !base.equals("NONE");
            boolean forward = base.equals("FORWARD") || base.equals("FULL");
            if (backward && !readable(candidate, previous) || forward && !readable(previous, candidate)) {
                return false;
            }
        }
        return true;
    }

    private static boolean readable(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }

    private Optional<Version> find(String subject, String canonical) {
        TreeMap<Integer, Version> versions = subjects.get(subject);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.values().stream().filter(v -> v.schema().equals(canonical)).findFirst();
    }

    private TreeMap<Integer, Version> versionsOf(String subject) {
        TreeMap<Integer, Version> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return versions;
    }

    private void apply(LogEntry entry) {
        if (entry instanceof LogEntry.SchemaVersion v) {
            schemasById.putIfAbsent(v.id(), v.schema());
            idsBySchema.putIfAbsent(v.schema(), v.id());
            if (v.deleted()) {
                Optional.ofNullable(subjects.get(v.subject())).ifPresent(m -> m.remove(v.version()));
                if (subjects.containsKey(v.subject()) && subjects.get(v.subject()).isEmpty()) {
                    subjects.remove(v.subject());
                }
            } else {
                subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>())
                        .put(v.version(), new Version(v.subject(), v.version(), v.id(), v.schema()));
            }
        } else if (entry instanceof LogEntry.CompatibilityConfig c) {
            if (c.subject() == null) {
                globalLevel = c.level() == null ? defaultLevel : c.level();
            } else if (c.level() == null) {
                subjectLevels.remove(c.subject());
            } else {
                subjectLevels.put(c.subject(), c.level());
            }
        }
    }

    private static String canonical(String schemaText) {
        return parse(schemaText).toString();
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("empty schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (AvroRuntimeException | IllegalArgumentException | NullPointerException e) {
            throw RegistryError.invalidSchema(e.getMessage());
        }
    }
}
