package io.ovr.alpr.cli.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ovr.alpr.devstack.BrokerConfig;
import io.ovr.alpr.devstack.EmbeddedKafkaBroker;
import io.ovr.alpr.devstack.EmbeddedOpenSearch;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import io.ovr.alpr.sinks.search.EventIndex;
import io.ovr.alpr.sinks.search.OpenSearchConfig;
import io.ovr.alpr.sinks.search.OpenSearchSink;
import io.ovr.alpr.sinks.search.PlateEventDocument;
import io.ovr.alpr.sinks.search.SearchClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.generic.Requests;

/**
 * {@code alpr bench sink opensearch}: the opensearch sink (Kafka backlog -> bulk with event ids and
 * versions) against raw bulk requests of the same documents with ids, same batch size, same node,
 * same run.
 */
final class SearchBenchmark {

    record Report(String where, int batch, SinkBenchSupport.Result bulk, SinkBenchSupport.Result sink,
                  long peakHeapMb, TimescaleBenchmark.HeapProbe heap) {
    }

    private final int docs;
    private final int batch;
    private final int rounds;
    private final String url;
    private final PrintWriter out;

    /** @param url an OpenSearch to use, or null for an embedded node */
    SearchBenchmark(int docs, int batch, int rounds, String url, PrintWriter out) {
        this.docs = docs;
        this.batch = batch;
        this.rounds = rounds;
        this.url = url;
        this.out = out;
    }

    Report run() throws Exception {
        List<PlateEvent> events = BenchEvents.generate(docs, 7);
        EmbeddedOpenSearch node = null;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerConfig.forTests());
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0)) {
            if (url == null) {
                progress("starting an embedded OpenSearch node");
                node = EmbeddedOpenSearch.start(Optional.empty(), 0);
            }
            String target = url == null ? node.url() : url;
            OpenSearchConfig config = OpenSearchConfig.of(target).withRetentionDays(0);
            AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                    RegistryClientConfig.of(registry.url())), SerdeOptions.values());
            SinkBenchSupport.createTopics(broker);
            progress("producing %,d events to %s (not timed)", docs, AlprTopics.PLATES_ENRICHED);
            SinkBenchSupport.produce(broker, topics, events);
            try (SearchClient client = SearchClient.connect(config)) {
                new EventIndex(client, config).installTemplate();
                progress("warm-up");
                bulk(client, events.subList(0, Math.min(docs, 10_000)));
                deleteIndices(client);
                List<SinkBenchSupport.Result> bulks = new ArrayList<>();
                List<SinkBenchSupport.Result> sinks = new ArrayList<>();
                AtomicLong peak = new AtomicLong();
                for (int round = 1; round <= rounds; round++) {
                    progress("round %d of %d: raw bulk, sink (%,d documents each)", round, rounds, docs);
                    bulks.add(SinkBenchSupport.timed("raw bulk with ids (ceiling)", docs, () -> bulk(client, events)));
                    check(client, "raw bulk");
                    deleteIndices(client);
                    sinks.add(SinkBenchSupport.drain("opensearch sink (Kafka -> versioned bulk)",
                            sink(broker, config, topics, "bench-sink-" + round, batch), docs, peak));
                    check(client, "sink");
                    deleteIndices(client);
                    progress("  bulk %,.0f/s, sink %,.0f/s", bulks.get(round - 1).perSecond(),
                            sinks.get(round - 1).perSecond());
                }
                SinkBenchSupport.Result bulk = SinkBenchSupport.median(bulks);
                SinkBenchSupport.Result sink = SinkBenchSupport.median(sinks);
                int small = Math.max(1, batch / 10);
                progress("live heap probes: sink with batches of %,d and %,d (GC every 250 ms, not timed)", batch,
                        small);
                long live = SinkBenchSupport.liveHeapMb(sink(broker, config, topics, "bench-heap-1", batch), docs);
                deleteIndices(client);
                long liveSmall = SinkBenchSupport.liveHeapMb(sink(broker, config, topics, "bench-heap-2", small), docs);
                deleteIndices(client);
                TimescaleBenchmark.HeapProbe heap = new TimescaleBenchmark.HeapProbe(batch, live, small, liveSmall);
                return new Report(url == null ? "embedded OpenSearch 2.19.1 node" : url, batch, bulk, sink,
                        peak.get() / (1024 * 1024), heap);
            }
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }

    private static io.ovr.alpr.sinks.core.SinkRunner sink(EmbeddedKafkaBroker broker, OpenSearchConfig config,
                                                          AlprTopics topics, String group, int batchSize) {
        return OpenSearchSink.create(OpenSearchSink.config(broker.bootstrapServers(), group)
                .withBatch(batchSize, Duration.ofMillis(200)), config, topics, new SimpleMeterRegistry(),
                Duration.ofHours(1));
    }

    private void bulk(SearchClient client, List<PlateEvent> events) throws Exception {
        for (int from = 0; from < events.size(); from += batch) {
            List<BulkOperation> ops = new ArrayList<>(batch);
            for (PlateEvent e : events.subList(from, Math.min(events.size(), from + batch))) {
                ops.add(BulkOperation.of(op -> op.index(i -> i.index(EventIndex.indexFor(e.getCapturedAt()))
                        .id(e.getEventId()).document(PlateEventDocument.of(e)))));
            }
            BulkResponse response = client.client().bulk(BulkRequest.of(b -> b.operations(ops)));
            if (response.errors()) {
                throw new IllegalStateException("raw bulk had item errors: " + response.items().stream()
                        .filter(i -> i.error() != null).findFirst().map(i -> i.error().reason()).orElse("?"));
            }
        }
    }

    private void check(SearchClient client, String phase) throws Exception {
        client.generic().execute(Requests.builder().method("POST").endpoint("/" + EventIndex.ALIAS + "/_refresh")
                .build()).close();
        long count = client.client().count(c -> c.index(EventIndex.ALIAS)).count();
        if (count != docs) {
            throw new IllegalStateException(phase + " left " + count + " documents, expected " + docs);
        }
    }

    private static void deleteIndices(SearchClient client) throws Exception {
        client.generic().execute(Requests.builder().method("DELETE").endpoint("/" + EventIndex.PREFIX + "*").build())
                .close();
    }

    private void progress(String format, Object... args) {
        out.printf("  .. " + format + "%n", args);
        out.flush();
    }
}
