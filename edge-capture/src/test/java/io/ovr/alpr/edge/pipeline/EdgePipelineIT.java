package io.ovr.alpr.edge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ovr.alpr.devstack.EmbeddedS3Server;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.edge.detect.PlateDetector;
import io.ovr.alpr.edge.publish.EdgePublishing;
import io.ovr.alpr.edge.reader.PlateReader;
import io.ovr.alpr.edge.source.FrameSource;
import io.ovr.alpr.edge.video.VideoGenerator;
import io.ovr.alpr.schema.FrameCaptured;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.AvroSerde;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.sinks.objectstore.ObjectStore;
import io.ovr.alpr.sinks.objectstore.ObjectStoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge end to end with the shipped models: a rendered video (known plates) through detector,
 * reader and tracker, published to a real broker, registry and S3 server.
 */
@Tag("integration")
class EdgePipelineIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    static EmbeddedSchemaRegistry registry;
    static EmbeddedS3Server s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        KAFKA.createTopics(1, AlprTopics.DETECTIONS_RAW, AlprTopics.FRAMES_RAW);
        registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
        s3 = EmbeddedS3Server.inMemory();
    }

    @AfterAll
    static void stop() {
        registry.close();
        s3.close();
    }

    @Test
    void shouldReadAndPublishThePlatesOfARenderedVideoWithFramesAndImages() throws Exception {
        VideoGenerator.Result video = new VideoGenerator(new VideoGenerator.Config(dir.resolve("cars.mp4"), 640, 360, 10,
                3, 2.0, 3, null)).run();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EdgePipeline.Stats stats;
        try (ObjectStore store = ObjectStore.connect(new ObjectStoreConfig(s3.endpoint(), s3.accessKey(), s3.secretKey(),
                "edge-video", s3.region(), Duration.ZERO))) {
            store.ensureBucket();
            try (EdgePublishing publishing = EdgePublishing.start(new EdgePublishing.Config(KAFKA.bootstrapServers(),
                    dir.resolve("spool"), 64 << 20, true, Duration.ofSeconds(60)), registryClient(), store, meters);
                 FrameSource source = FrameSource.open(video.video().toString(), 0)) {
                EdgePipeline pipeline = new EdgePipeline(new EdgePipeline.Config("gate-1", 2, 1, 0.05, 2,
                        EdgePipeline.DEFAULT_MIN_LENGTH, "it", "bundled"),
                        PlateDetector.bundled(), PlateReader.bundled(5), publishing.publisher()::submit, meters);
                stats = pipeline.run(source, 0, line -> { });
            }

            List<PlateRead> reads = consume(AlprTopics.DETECTIONS_RAW, PlateRead.class, (int) stats.reads());
            List<FrameCaptured> frames = consume(AlprTopics.FRAMES_RAW, FrameCaptured.class, (int) stats.framesPublished());

            assertThat(stats.frames()).isEqualTo(video.frames());
            assertThat(reads).extracting(PlateRead::getText).containsAll(video.plates());
            assertThat(reads).allSatisfy(r -> {
                assertThat(r.getCameraId()).isEqualTo("gate-1");
                assertThat(r.getText()).hasSizeGreaterThanOrEqualTo(EdgePipeline.DEFAULT_MIN_LENGTH);
                assertThat(r.getCandidates()).isNotEmpty();
                assertThat(r.getCharConfidences()).hasSize(r.getText().length());
                assertThat(store.get(r.getCropKey())).isPresent();
                assertThat(store.get(r.getFrameKey())).isPresent();
            });
            assertThat(frames).extracting(FrameCaptured::getFrameId).contains(reads.get(0).getFrameId());
            assertThat(frames.stream().filter(f -> !f.getSampled()).count()).isGreaterThan(video.plates().size());
            assertThat(meters.counter("alpr.edge.frames").count()).isEqualTo(video.frames());
        }
    }

    private static SchemaRegistryClient registryClient() {
        return new RestSchemaRegistryClient(RegistryClientConfig.of(registry.url()));
    }

    private static <T extends SpecificRecord> List<T> consume(String topic, Class<T> type, int expected) {
        List<T> out = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), AvroSerde.forValues(type, registryClient()).deserializer())) {
            consumer.subscribe(List.of(topic));
            await(topic + " consumed").atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, T> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
                return out.size() >= expected;
            });
        }
        return out;
    }
}
