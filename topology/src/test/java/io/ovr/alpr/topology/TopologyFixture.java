package io.ovr.alpr.topology;

import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.HotlistEntry;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real topology under {@link TopologyTestDriver} with a real (embedded, in-memory) registry
 * over HTTP, a fixed clock and numbered event ids.
 */
final class TopologyFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    final EmbeddedSchemaRegistry registry;
    final AlprTopics topics;
    final PipelineCounters counters = new PipelineCounters();
    final TopologyTestDriver driver;
    final TestInputTopic<String, PlateRead> reads;
    final TestInputTopic<byte[], byte[]> rawReads;
    final TestInputTopic<String, Camera> cameras;
    final TestInputTopic<String, HotlistEntry> hotlist;
    final TestOutputTopic<String, PlateEvent> enriched;
    final TestOutputTopic<String, Alert> alerts;
    final TestOutputTopic<byte[], byte[]> dlq;
    private final AtomicInteger ids = new AtomicInteger();

    TopologyFixture(TopologyConfig base) {
        try {
            registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
            topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                    RegistryClientConfig.of(registry.url())), SerdeOptions.values());
            TopologyConfig config = base.withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .withEventIds(() -> "event-" + ids.incrementAndGet());
            StreamsSettings settings = StreamsSettings.defaults("dummy:9092",
                    Files.createTempDirectory("alpr-ttd-")).withExactlyOnce(false);
            driver = new TopologyTestDriver(AlprTopology.build(config, topics, counters), settings.toProperties(),
                    NOW.minusSeconds(3600));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reads = driver.createInputTopic(AlprTopics.DETECTIONS_RAW, Serdes.String().serializer(),
                topics.detectionsRaw().valueSerde().serializer());
        rawReads = driver.createInputTopic(AlprTopics.DETECTIONS_RAW, Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        cameras = driver.createInputTopic(AlprTopics.CAMERAS, Serdes.String().serializer(),
                topics.cameras().valueSerde().serializer());
        hotlist = driver.createInputTopic(AlprTopics.HOTLIST, Serdes.String().serializer(),
                topics.hotlist().valueSerde().serializer());
        enriched = driver.createOutputTopic(AlprTopics.PLATES_ENRICHED, Serdes.String().deserializer(),
                topics.platesEnriched().valueSerde().deserializer());
        alerts = driver.createOutputTopic(AlprTopics.ALERTS, Serdes.String().deserializer(),
                topics.alerts().valueSerde().deserializer());
        dlq = driver.createOutputTopic(AlprTopics.DLQ, Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    static PlateRead read(String camera, String text, float confidence, Instant at) {
        return PlateRead.newBuilder().setReadId("r-" + text + "-" + at.toEpochMilli()).setCameraId(camera)
                .setCapturedAt(at).setText(text).setConfidence(confidence).setFrameKey("frames/" + text + ".jpg")
                .build();
    }

    void send(PlateRead read) {
        reads.pipeInput(read.getCameraId(), read, read.getCapturedAt());
    }

    List<PlateEvent> enrichedValues() {
        return enriched.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
        registry.close();
    }
}
