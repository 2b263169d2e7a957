package io.ovr.alpr.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovr.alpr.cli.load.RealisticReads;
import io.ovr.alpr.processors.text.PlateText;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.topics.AlprTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * End-to-end latency of sampled reads, from the moment each was handed to the producer to the moment
 * it became visible at each stage: its enriched event and (for hotlisted plates) its alert seen by a
 * {@code read_committed} consumer, its row found in PostgreSQL, its document found by a search. A
 * probe is the first read of a vehicle pass (not misread), identified downstream by folded plate,
 * camera and {@code captured_at}, which a pass keeps across its updates (an update by a misread
 * changes the normalized text of the row and the document, not the folded one). The database is
 * polled every 20 ms and the search every 50 ms, so those figures carry up to that much extra.
 */
final class ProbeTracker implements AutoCloseable {

    /** Where a probe is seen. */
    enum Stage { ENRICHED, ALERT, ROW, DOCUMENT }

    private record Probe(long sentNanos, int bucket, String plate, boolean hotlisted) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProbeTracker.class);
    private static final Duration GIVE_UP = Duration.ofSeconds(90);
    private final Map<Stage, Map<String, Probe>> pending = new EnumMap<>(Stage.class);
    private final Map<Integer, Map<Stage, Latencies>> buckets = new ConcurrentHashMap<>();
    private final Map<Integer, Map<Stage, long[]>> missing = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    /** Where the enriched event of a probe lies (partition@offset and event id), kept while its row is awaited. */
    private final Map<String, String> where = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final int perSecond;
    private final String bootstrap;
    private volatile int bucket;
    private long lastProbeNanos;

    ProbeTracker(E2ePipeline pipeline, int perSecond) {
        this.perSecond = perSecond;
        this.bootstrap = pipeline.bootstrap();
        for (Stage stage : Stage.values()) {
            pending.put(stage, new ConcurrentHashMap<>());
        }
        Deserializer<PlateEvent> events = pipeline.topics.platesEnriched().valueSerde().deserializer();
        Deserializer<Alert> alerts = pipeline.topics.alerts().valueSerde().deserializer();
        start("probe-enriched", () -> consume(pipeline.bootstrap(), AlprTopics.PLATES_ENRICHED, record -> {
            PlateEvent e = events.deserialize(AlprTopics.PLATES_ENRICHED, record.value());
            String key = key(e.getFolded(), e.getCameraId(), e.getCapturedAt());
            if (pending.get(Stage.ROW).containsKey(key)) {
                where.put(key, record.partition() + "@" + record.offset() + " " + e.getEventId());
            }
            seen(Stage.ENRICHED, key);
        }));
        start("probe-alerts", () -> consume(pipeline.bootstrap(), AlprTopics.ALERTS, record -> {
            Alert a = alerts.deserialize(AlprTopics.ALERTS, record.value());
            seen(Stage.ALERT, key(a.getEvent().getFolded(), a.getEvent().getCameraId(),
                    a.getEvent().getCapturedAt()));
        }));
        start("probe-rows", () -> pollRows(pipeline.database.dataSource()));
        start("probe-documents", () -> pollDocuments(pipeline.search.url()));
    }

    /** Probes sent from now on count in {@code index}. */
    void bucket(int index) {
        bucket = index;
    }

    /**
     * Called for every read as it is sent: samples up to {@code perSecond} first reads of passes a
     * second, and takes the first read of every hotlisted pass (those alert).
     */
    void sent(RealisticReads.Read read, long sentNanos) {
        if (!read.opensPass() || read.misread() || read.fate() != RealisticReads.Fate.ENRICHED) {
            return;
        }
        if (!read.hotlisted() && sentNanos - lastProbeNanos < 1_000_000_000L / perSecond) {
            return; // every hotlisted pass is a probe (they are few); the others are sampled
        }
        lastProbeNanos = sentNanos;
        String plate = PlateText.fold(PlateText.normalize(read.read().getText()));
        Probe probe = new Probe(sentNanos, bucket, plate, read.hotlisted());
        String key = key(plate, read.read().getCameraId(), read.read().getCapturedAt());
        for (Stage stage : Stage.values()) {
            if (stage != Stage.ALERT || read.hotlisted()) {
                pending.get(stage).put(key, probe);
            }
        }
    }

    /** The latencies of a bucket's probes at {@code stage}, in ms. */
    Latencies latencies(int index, Stage stage) {
        return buckets.computeIfAbsent(index, k -> newStages()).get(stage);
    }

    /** Probes of a bucket not seen at {@code stage} within 90 s. */
    long missing(int index, Stage stage) {
        return missing.computeIfAbsent(index, k -> newMissing()).get(stage)[0];
    }

    /**
     * Up to {@code n} sampled reads of {@code index} not yet seen as a row, each with the rows the
     * table holds for its plate: what to look at when a stage misses reads.
     */
    List<String> unseenRows(int index, int n, DataSource dataSource) {
        List<String> lines = new ArrayList<>();
        List<String> keys = pending.get(Stage.ROW).entrySet().stream().filter(e -> e.getValue().bucket == index)
                .map(Map.Entry::getKey).limit(n).toList();
        for (String key : keys) {
            StringBuilder line = new StringBuilder("read " + key + " (enriched at " + where.get(key)
                    + ", visible to a fresh read_committed consumer: " + visible(where.get(key)) + "); rows of the plate:");
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT camera_id, captured_at, read_count, event_id FROM plate_events WHERE folded = ?")) {
                s.setString(1, key.substring(0, key.indexOf('|')));
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        line.append(" [").append(rows.getString(1)).append(' ')
                                .append(rows.getTimestamp(2).toInstant().toEpochMilli()).append(" x")
                                .append(rows.getInt(3)).append(' ').append(rows.getString(4)).append(']');
                    }
                }
            } catch (java.sql.SQLException e) {
                line.append(" (query failed: ").append(e.getMessage()).append(')');
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private String visible(String at) {
        if (at == null) {
            return "?";
        }
        int partition = Integer.parseInt(at.substring(0, at.indexOf('@')));
        long offset = Long.parseLong(at.substring(at.indexOf('@') + 1, at.indexOf(' ')));
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(AlprTopics.PLATES_ENRICHED, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    return r.offset() == offset ? "yes" : "no (next visible offset " + r.offset() + ")";
                }
            }
            return "no record within 3 s";
        }
    }

    /** Probes of {@code index} still awaited at {@code stage}. */
    long pending(int index, Stage stage) {
        return pending.get(stage).values().stream().filter(p -> p.bucket == index).count();
    }

    /** Probes of {@code index} still awaited at any stage. */
    long pending(int index) {
        return pending.values().stream().flatMap(m -> m.values().stream()).filter(p -> p.bucket == index).count();
    }

    private void seen(Stage stage, String key) {
        if (stage == Stage.ROW) {
            where.remove(key);
        }
        Probe probe = pending.get(stage).remove(key);
        if (probe != null) {
            latencies(probe.bucket, stage).add((System.nanoTime() - probe.sentNanos) / 1_000_000);
        }
    }

    private void expire() {
        long now = System.nanoTime();
        for (Stage stage : Stage.values()) {
            pending.get(stage).entrySet().removeIf(e -> {
                boolean old = now - e.getValue().sentNanos > GIVE_UP.toNanos();
                if (old) {
                    synchronized (missing) {
                        missing.computeIfAbsent(e.getValue().bucket, k -> newMissing()).get(stage)[0]++;
                    }
                }
                return old;
            });
        }
    }

    private static Map<Stage, Latencies> newStages() {
        Map<Stage, Latencies> stages = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            stages.put(stage, new Latencies());
        }
        return stages;
    }

    private static Map<Stage, long[]> newMissing() {
        Map<Stage, long[]> stages = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            stages.put(stage, new long[1]);
        }
        return stages;
    }

    static String key(String plate, String camera, Instant capturedAt) {
        return plate + "|" + camera + "|" + capturedAt.toEpochMilli();
    }

    private void consume(String bootstrap, String topic,
                         java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> onValue) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (!stop.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                    if (record.value() != null) {
                        onValue.accept(record);
                    }
                }
            }
        }
    }

    private void pollRows(DataSource dataSource) {
        String sql = "SELECT folded, camera_id, captured_at FROM plate_events WHERE folded = ANY(?)"
                + " AND captured_at >= ?";
        while (!stop.get()) {
            Map<String, Probe> awaited = pending.get(Stage.ROW);
            if (!awaited.isEmpty()) {
                try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                    List<String> plates = awaited.keySet().stream().map(k -> k.substring(0, k.indexOf('|')))
                            .distinct().toList();
                    long since = awaited.keySet().stream().mapToLong(k -> Long.parseLong(k.substring(
                            k.lastIndexOf('|') + 1))).min().orElse(0);
                    Array array = c.createArrayOf("text", plates.toArray());
                    s.setArray(1, array);
                    s.setTimestamp(2, new Timestamp(since));
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            seen(Stage.ROW, key(rows.getString(1), rows.getString(2),
                                    rows.getTimestamp(3).toInstant()));
                        }
                    }
                } catch (java.sql.SQLException e) {
                    LOG.warn("probe query failed: {}", e.getMessage());
                }
            }
            expire();
            LockSupport.parkNanos(20_000_000L);
        }
    }

    private void pollDocuments(String url) {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        while (!stop.get()) {
            List<String> keys = List.copyOf(pending.get(Stage.DOCUMENT).keySet());
            for (int from = 0; from < keys.size() && !stop.get(); from += 200) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 200));
                List<String> plates = chunk.stream().map(k -> k.substring(0, k.indexOf('|'))).distinct().toList();
                long since = chunk.stream().mapToLong(k -> Long.parseLong(k.substring(k.lastIndexOf('|') + 1)))
                        .min().orElse(0);
                try {
                    String body = json.writeValueAsString(Map.of("size", 1_000, "_source",
                            List.of("folded", "camera_id", "captured_at"),
                            "query", Map.of("bool", Map.of("filter", List.of(
                                    Map.of("terms", Map.of("folded", plates)),
                                    Map.of("range", Map.of("captured_at", Map.of("gte", since))))))));
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url
                                    + "/alpr-events/_search?filter_path=hits.hits._source"))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        for (JsonNode hit : json.readTree(response.body()).path("hits").path("hits")) {
                            JsonNode doc = hit.path("_source");
                            seen(Stage.DOCUMENT, key(doc.path("folded").asText(), doc.path("camera_id").asText(),
                                    Instant.parse(doc.path("captured_at").asText())));
                        }
                    }
                } catch (java.io.IOException e) {
                    LOG.warn("probe search failed: {}", e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            LockSupport.parkNanos(50_000_000L);
        }
    }

    private void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
