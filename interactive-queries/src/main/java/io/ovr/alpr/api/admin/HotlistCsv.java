package io.ovr.alpr.api.admin;

import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.schema.HotlistEntry;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a hotlist CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks in
 * double quotes, {@code ""} for a quote). The first row names the columns, in any order:
 * {@code plate} and {@code reason} are required; {@code priority} (1-5, default 1),
 * {@code list_name}, {@code expires_at} (ISO-8601 instant, or a date meaning "through that day,
 * UTC") and {@code notes} are optional. The whole file is checked before anything is written: any
 * bad row (or a plate listed twice) rejects the file with every problem listed by line.
 */
public final class HotlistCsv {

    public static final Set<String> COLUMNS = Set.of("plate", "reason", "priority", "list_name", "expires_at",
            "notes");
    public static final int MAX_ROWS = 100_000;
    private static final int MAX_FIELD = 2000;
    private static final int MAX_ERRORS = 20;

    private HotlistCsv() {
    }

    /** Every row as a validated entry, or {@link InvalidCsvException} listing what is wrong. */
    public static List<HotlistEntry> parse(Reader in, String writtenBy, Instant now) throws IOException {
        RowReader rows = new RowReader(in);
        List<String> header = rows.next();
        if (header == null) {
            throw new InvalidCsvException(List.of("the file is empty; the first row must name the columns"));
        }
        Map<String, Integer> columns = columns(header);
        List<HotlistEntry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> row;
        while ((row = rows.next()) != null && errors.size() < MAX_ERRORS) {
            int line = rows.startLine();
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (entries.size() >= MAX_ROWS) {
                errors.add("more than " + MAX_ROWS + " rows; split the file");
                break;
            }
            try {
                HotlistEntry entry = entry(row, columns, writtenBy, now);
                Integer first = seen.putIfAbsent(entry.getPlate(), line);
                if (first != null) {
                    errors.add("line " + line + ": plate " + entry.getPlate() + " is already on line " + first);
                } else {
                    entries.add(entry);
                }
            } catch (ApiException e) {
                errors.add("line " + line + ": " + e.problem().detail());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCsvException(errors);
        }
        return entries;
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!COLUMNS.contains(name)) {
                throw new InvalidCsvException(List.of("line 1: unknown column '" + abbreviate(name)
                        + "'; columns are plate, reason, priority, list_name, expires_at, notes"));
            }
            if (columns.put(name, i) != null) {
                throw new InvalidCsvException(List.of("line 1: column " + name + " appears twice"));
            }
        }
        if (!columns.containsKey("plate") || !columns.containsKey("reason")) {
            throw new InvalidCsvException(List.of("line 1: the columns plate and reason are required"));
        }
        return columns;
    }

    private static HotlistEntry entry(List<String> row, Map<String, Integer> columns, String writtenBy,
                                      Instant now) {
        if (row.size() > columns.size()) {
            throw ApiException.badRequest("row", "has " + row.size() + " fields, the header " + columns.size());
        }
        String priority = field(row, columns, "priority");
        return HotlistEntries.entry(field(row, columns, "plate"), field(row, columns, "reason"),
                priority == null ? null : priority(priority), field(row, columns, "list_name"),
                expiry(field(row, columns, "expires_at")), field(row, columns, "notes"), writtenBy, now);
    }

    private static String field(List<String> row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= row.size() || row.get(index).isBlank()) {
            return null;
        }
        return row.get(index);
    }

    private static int priority(String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("priority", "priority must be a whole number 1-5");
        }
    }

    private static Instant expiry(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        try {
            return value.length() == 10 ? LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("expires_at", "expires_at must be an ISO-8601 instant"
                    + " (2026-12-31T23:59:59Z) or a date (2026-12-31)");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** Splits RFC 4180 rows; knows the line each row started on. */
    private static final class RowReader {

        private final Reader in;
        private int line = 1;
        private int startLine;
        private int pending = -2;

        RowReader(Reader in) {
            this.in = in;
        }

        int startLine() {
            return startLine;
        }

        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (c == -1) {
                    if (quoted) {
                        throw new InvalidCsvException(List.of("line " + startLine + ": a quoted field is not closed"));
                    }
                    fields.add(field.toString());
                    return fields;
                }
                if (quoted) {
                    if (c == '"') {
                        int next = read();
                        if (next == '"') {
                            append(field, '"');
                        } else {
                            quoted = false;
                            pending = next;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        append(field, (char) c);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n') {
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else if (c != '\r') {
                    append(field, (char) c);
                }
                c = read();
            }
        }

        private void append(StringBuilder field, char c) {
            if (field.length() >= MAX_FIELD) {
                throw new InvalidCsvException(List.of("line " + startLine + ": a field is longer than " + MAX_FIELD
                        + " characters"));
            }
            field.append(c);
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            return in.read();
        }
    }

    /** The file cannot be imported; nothing of it was written. */
    public static final class InvalidCsvException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient List<String> errors;

        public InvalidCsvException(List<String> errors) {
            super(String.join("; ", errors), null, false, false);
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }
}
