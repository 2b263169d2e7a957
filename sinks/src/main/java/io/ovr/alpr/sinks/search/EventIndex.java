package io.ovr.alpr.sinks.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily event indices {@code alpr-events-YYYY.MM.DD} behind the alias {@code alpr-events}:
 * their index template (resource {@code opensearch/alpr-events-template.json}) and their
 * retention (whole indices older than the configured days are deleted).
 */
public final class EventIndex {

    public static final String ALIAS = "alpr-events";
    public static final String PREFIX = "alpr-events-";
    public static final String TEMPLATE = "alpr-events";
    private static final Logger LOG = LoggerFactory.getLogger(EventIndex.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private final SearchClient client;
    private final OpenSearchConfig config;

    public EventIndex(SearchClient client, OpenSearchConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The daily index of an event captured at {@code capturedAt} (UTC day). */
    public static String indexFor(Instant capturedAt) {
        return PREFIX + DAY.format(LocalDate.ofInstant(capturedAt, ZoneOffset.UTC));
    }

    /** The template JSON with this configuration's shards and replicas. */
    String templateJson() {
        try (InputStream in = EventIndex.class.getResourceAsStream("/opensearch/alpr-events-template.json")) {
            if (in == null) {
                throw new IllegalStateException("resource opensearch/alpr-events-template.json is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"${shards}\"", Integer.toString(config.shards()))
                    .replace("\"${replicas}\"", Integer.toString(config.replicas()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs (or replaces) the index template; idempotent. */
    public void installTemplate() throws IOException {
        execute(Requests.builder().method("PUT").endpoint("/_index_template/" + TEMPLATE).json(templateJson())
                .build(), "install template");
    }

    /** The days that have an event index. */
    public List<String> indices() throws IOException {
        try (Response response = client.generic().execute(Requests.builder().method("GET")
                .endpoint("/_cat/indices/" + PREFIX + "*").query(Map.of("h", "index", "format", "txt")).build())) {
            if (response.getStatus() == 404) {
                return List.of();
            }
            check(response, "list indices");
            String body = response.getBody().map(b -> b.bodyAsString()).orElse("");
            return new ArrayList<>(new TreeSet<>(body.lines().map(String::trim).filter(s -> !s.isEmpty()).toList()));
        }
    }

    /** Deletes event indices whose whole day is older than the retention; returns their names. */
    public List<String> deleteExpired(Instant now) throws IOException {
        List<String> deleted = new ArrayList<>();
        if (config.retentionDays() == 0) {
            return deleted;
        }
        LocalDate oldestKept = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(config.retentionDays());
        for (String index : indices()) {
            try {
                LocalDate day = LocalDate.parse(index.substring(PREFIX.length()), DAY);
                if (day.isBefore(oldestKept)) {
                    execute(Requests.builder().method("DELETE").endpoint("/" + index).build(), "delete " + index);
                    deleted.add(index);
                }
            } catch (DateTimeParseException notDaily) {
                LOG.debug("{} is not a daily event index; left alone", index);
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info("deleted event indices past {} days: {}", config.retentionDays(), deleted);
        }
        return deleted;
    }

    private void execute(Request request, String what) throws IOException {
        try (Response response = client.generic().execute(request)) {
            check(response, what);
        }
    }

    private static void check(Response response, String what) throws IOException {
        if (response.getStatus() >= 300) {
            throw new IOException(what + " failed: HTTP " + response.getStatus() + " "
                    + response.getBody().map(b -> b.bodyAsString()).orElse(""));
        }
    }
}
