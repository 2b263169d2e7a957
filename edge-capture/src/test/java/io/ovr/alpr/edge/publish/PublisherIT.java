package io.ovr.alpr.edge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ovr.alpr.devstack.EmbeddedS3Server;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

/** Publishing through the spool against a real broker, registry and S3 server that goes away and comes back. */
@Tag("integration")
class PublisherIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    static EmbeddedSchemaRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRegistry() throws Exception {
        KAFKA.createTopics(1, AlprTopics.DETECTIONS_RAW, AlprTopics.FRAMES_RAW);
        registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldKeepReadsInTheSpoolWhileTheObjectStoreIsDownAndSendThemInOrderWhenItReturns() throws Exception {
        int port = freePort();
        Path s3Data = dir.resolve("s3");
        EmbeddedS3Server s3 = EmbeddedS3Server.start(Optional.of(s3Data), port);
        ObjectStoreConfig storeConfig = new ObjectStoreConfig(s3.endpoint(), s3.accessKey(), s3.secretKey(), "edge-it",
                s3.region(), Duration.ZERO);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<String> sent = new ArrayList<>();
        try (ObjectStore store = ObjectStore.connect(storeConfig)) {
            store.ensureBucket();
            s3.close();
            try (EdgePublishing publishing = EdgePublishing.start(new EdgePublishing.Config(KAFKA.bootstrapServers(),
                    dir.resolve("spool"), 1 << 20, true, Duration.ofSeconds(30)), registryClient(), store, meters)) {
                for (int i = 0; i < 5; i++) {
                    PlateRead read = read("ABC123" + i);
                    sent.add(read.getReadId());
                    publishing.publisher().submit(new Outgoing(read, List.of(new Outgoing.Image(read.getCropKey(),
                            "image/jpeg", ("crop " + i).getBytes(StandardCharsets.UTF_8)))), true);
                }
                await("publishing fails while S3 is down").atMost(Duration.ofSeconds(30))
                        .until(() -> meters.counter("alpr.edge.publish.failures").count() > 0);
                assertThat(publishing.publisher().pending()).isEqualTo(5);
                assertThat(publishing.publisher().connected()).isFalse();

                EmbeddedS3Server again = EmbeddedS3Server.start(Optional.of(s3Data), port);
                try {
                    await("spool drained once S3 is back").atMost(Duration.ofSeconds(60))
                            .until(() -> publishing.publisher().pending() == 0);
                    assertThat(consumeReadIds(5)).containsExactlyElementsOf(sent);
                    for (int i = 0; i < 5; i++) {
                        assertThat(store.get("crops/cam-1/" + sent.get(i) + ".jpg")).isPresent();
                    }
                } finally {
                    again.close();
                }
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static SchemaRegistryClient registryClient() {
        return new RestSchemaRegistryClient(RegistryClientConfig.of(registry.url()));
    }

    private static PlateRead read(String text) {
        String id = UUID.randomUUID().toString();
        return PlateRead.newBuilder().setReadId(id).setCameraId("cam-1").setCapturedAt(Instant.now()).setText(text)
                .setConfidence(0.9f).setCropKey("crops/cam-1/" + id + ".jpg").build();
    }

    private List<String> consumeReadIds(int expected) {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, PlateRead> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), AvroSerde.forValues(PlateRead.class, registryClient()).deserializer())) {
            consumer.subscribe(List.of(AlprTopics.DETECTIONS_RAW));
            await("reads consumed").atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, PlateRead> r : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(r.key()).isEqualTo("cam-1");
                    ids.add(r.value().getReadId());
                }
                return ids.size() >= expected;
            });
        }
        return ids;
    }
}
