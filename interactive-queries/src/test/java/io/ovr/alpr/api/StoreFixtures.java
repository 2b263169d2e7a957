package io.ovr.alpr.api;

import io.ovr.alpr.processors.text.PlateText;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.PlateCandidate;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.sinks.core.WriteResult;
import io.ovr.alpr.sinks.search.OpenSearchConfig;
import io.ovr.alpr.sinks.search.OpenSearchWriter;
import io.ovr.alpr.sinks.search.SearchClient;
import io.ovr.alpr.sinks.sql.Database;
import io.ovr.alpr.sinks.sql.TimescaleWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Writes events and alerts into PostgreSQL and OpenSearch the way the sinks do: the records are
 * serialized with the topics' serdes (Confluent wire format, real registry) and handed to the real
 * {@link TimescaleWriter} and {@link OpenSearchWriter}, as their consumer loops would.
 */
final class StoreFixtures {

    private final AlprTopics topics;
    private final TimescaleWriter timescale;
    private final OpenSearchWriter opensearch;
    private final SearchClient search;
    private long offset;

    StoreFixtures(AlprTopics topics, Database database, SearchClient search, String searchUrl) {
        this.topics = topics;
        this.search = search;
        this.timescale = new TimescaleWriter(database, topics, Clock.systemUTC(), Duration.ofMinutes(5));
        this.opensearch = new OpenSearchWriter(SearchClient.connect(OpenSearchConfig.of(searchUrl)
                .withRetentionDays(0)), OpenSearchConfig.of(searchUrl).withRetentionDays(0), topics,
                Clock.systemUTC(), Duration.ofMinutes(5));
    }

    static PlateEvent event(String plate, String camera, String site, String region, Instant capturedAt,
                            float confidence) {
        String id = UUID.randomUUID().toString();
        return PlateEvent.newBuilder()
                .setEventId(id).setReadId(UUID.randomUUID().toString()).setCameraId(camera)
                .setCapturedAt(capturedAt).setPlateText(plate).setNormalized(plate).setFolded(PlateText.fold(plate))
                .setConfidence(confidence).setCandidates(List.of(new PlateCandidate(plate, confidence)))
                .setRegion(region).setRegionConfidence(0.8f).setSite(site).setCameraName("Camera " + camera)
                .setImageUrl("/api/v1/events/" + id + "/image?kind=frame")
                .setPlateImageUrl("/api/v1/events/" + id + "/image?kind=plate")
                .setReadCount(1).setFirstSeen(capturedAt).setLastSeen(capturedAt.plusMillis(400))
                .setProcessedAt(capturedAt.plusMillis(20)).build();
    }

    static Alert alert(PlateEvent event, Instant raisedAt) {
        return Alert.newBuilder().setAlertId(UUID.randomUUID().toString()).setEventId(event.getEventId())
                .setKind("HOTLIST").setMatchKind("EXACT").setPriority(4).setReason("stolen")
                .setPlate(event.getNormalized()).setMatchedPlate(event.getNormalized()).setCameraId(event.getCameraId())
                .setSite(event.getSite()).setRaisedAt(raisedAt).setEvent(event).build();
    }

    /** Writes the events and alerts to PostgreSQL and the events to OpenSearch; refreshes both derived views. */
    void write(List<PlateEvent> events, List<Alert> alerts) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        events.forEach(e -> records.add(record(AlprTopics.PLATES_ENRICHED, e.getNormalized(),
                topics.platesEnriched().valueSerde().serializer().serialize(AlprTopics.PLATES_ENRICHED, e))));
        List<ConsumerRecord<byte[], byte[]>> eventRecords = List.copyOf(records);
        alerts.forEach(a -> records.add(record(AlprTopics.ALERTS, a.getPlate(),
                topics.alerts().valueSerde().serializer().serialize(AlprTopics.ALERTS, a))));
        check(timescale.write(records), records.size());
        check(opensearch.write(eventRecords), eventRecords.size());
        try {
            timescale.partitions().run(Instant.now());
            search.client().indices().refresh(r -> r.index("alpr-events"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(WriteResult result, int expected) {
        if (!result.rejected().isEmpty() || result.written() != expected) {
            throw new IllegalStateException("writer wrote " + result.written() + " of " + expected + ", rejected "
                    + result.rejected());
        }
    }

    private ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ConsumerRecord<>(topic, 0, offset++, key.getBytes(StandardCharsets.UTF_8), value);
    }

    void close() {
        opensearch.close();
        timescale.close();
    }
}
