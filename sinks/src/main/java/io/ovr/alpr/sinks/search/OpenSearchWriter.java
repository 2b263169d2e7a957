package io.ovr.alpr.sinks.search;

import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.SchemaRegistryUnavailableException;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.sinks.core.BatchWriter;
import io.ovr.alpr.sinks.core.Rejected;
import io.ovr.alpr.sinks.core.TargetUnavailableException;
import io.ovr.alpr.sinks.core.WriteResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opensearch sink's writer: {@code alpr.plates.enriched} into the daily indices, one bulk
 * request per batch with {@code _id = event_id} and version {@code read_count}
 * ({@code external_gte}): replays rewrite the same version, pass updates replace the earlier
 * document, late older versions are refused (409) and skipped. Items refused with 429 or 5xx (or
 * a failed request) make the batch retry after a backoff; items refused for their content
 * (mapping errors) go to the dead-letter topic.
 */
public final class OpenSearchWriter implements BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchWriter.class);

    private final SearchClient client;
    private final EventIndex index;
    private final Deserializer<PlateEvent> events;
    private final Clock clock;
    private final Duration maintenanceInterval;
    private boolean templateInstalled;
    private Instant nextMaintenance = Instant.MIN;

    public OpenSearchWriter(SearchClient client, OpenSearchConfig config, AlprTopics topics, Clock clock,
                            Duration maintenanceInterval) {
        this.client = client;
        this.index = new EventIndex(client, config);
        this.events = topics.platesEnriched().valueSerde().deserializer();
        this.clock = clock;
        this.maintenanceInterval = maintenanceInterval;
    }

    public static List<String> topics() {
        return List.of(AlprTopics.PLATES_ENRICHED);
    }

    public EventIndex index() {
        return index;
    }

    @Override
    public WriteResult write(List<ConsumerRecord<byte[], byte[]>> batch) {
        ensureTemplate();
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Versioned> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            if (r.value() == null) {
                continue;
            }
            try {
                PlateEvent e = events.deserialize(r.topic(), r.value());
                latest.merge(e.getEventId(), new Versioned(r, e),
                        (a, b) -> b.event.getReadCount() >= a.event.getReadCount() ? b : a);
            } catch (SchemaRegistryUnavailableException e) {
                throw new TargetUnavailableException(e.getMessage(), e);
            } catch (RuntimeException e) {
                rejected.add(new Rejected(r, Rejected.DESERIALIZATION_ERROR, e.getMessage()));
            }
        }
        if (latest.isEmpty()) {
            return new WriteResult(0, rejected);
        }
        BulkResponse response = bulk(latest.values());
        int written = 0;
        Map<String, Versioned> byId = new HashMap<>(latest);
        List<String> retryable = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            int status = item.status();
            if (status < 300 || status == 409) { // 409: a later version is already there
                written++;
            } else if (status == 429 || status >= 500) {
                retryable.add(status + " " + (item.error() == null ? "" : item.error().reason()));
            } else {
                Versioned v = byId.get(item.id());
                String reason = item.error() == null ? "HTTP " + status
                        : item.error().type() + ": " + item.error().reason();
                LOG.warn("document {} refused by OpenSearch: {}", item.id(), reason);
                rejected.add(new Rejected(v.record, Rejected.WRITE_REJECTED, reason));
            }
        }
        if (!retryable.isEmpty()) {
            throw new TargetUnavailableException(retryable.size() + " documents refused for now, e.g. "
                    + retryable.get(0), null);
        }
        return new WriteResult(written, rejected);
    }

    @Override
    public void maintain() {
        Instant now = clock.instant();
        if (now.isBefore(nextMaintenance)) {
            return;
        }
        nextMaintenance = now.plus(maintenanceInterval);
        try {
            ensureTemplate();
            index.deleteExpired(now);
        } catch (IOException e) {
            throw new TargetUnavailableException("index retention: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing the search client: {}", e.toString());
        }
    }

    private BulkResponse bulk(Iterable<Versioned> docs) {
        List<BulkOperation> operations = new ArrayList<>();
        for (Versioned v : docs) {
            PlateEvent e = v.event;
            operations.add(BulkOperation.of(op -> op.index(idx -> idx
                    .index(EventIndex.indexFor(e.getCapturedAt()))
                    .id(e.getEventId())
                    .version((long) e.getReadCount())
                    .versionType(VersionType.ExternalGte)
                    .document(PlateEventDocument.of(e)))));
        }
        try {
            return client.client().bulk(BulkRequest.of(b -> b.operations(operations)));
        } catch (OpenSearchException e) {
            throw new TargetUnavailableException("bulk refused: HTTP " + e.status() + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TargetUnavailableException("search cluster unreachable: " + e.getMessage(), e);
        }
    }

    private void ensureTemplate() {
        if (templateInstalled) {
            return;
        }
        try {
            index.installTemplate();
            templateInstalled = true;
        } catch (IOException | RuntimeException e) {
            throw new TargetUnavailableException("cannot install the index template: " + e.getMessage(), e);
        }
    }

    private record Versioned(ConsumerRecord<byte[], byte[]> record, PlateEvent event) {
    }
}
