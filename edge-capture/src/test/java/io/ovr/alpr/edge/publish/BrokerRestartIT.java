package io.ovr.alpr.edge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.AvroSerde;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes down while the edge keeps reading plates, and comes back on its data: the reads
 * wait in the spool, then reach Kafka in the order they were read, each once.
 */
@Tag("integration")
class BrokerRestartIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void shouldHoldReadsInTheSpoolWhileTheBrokerIsDownAndSendThemInOrderOnceWhenItIsBack(@TempDir Path dir)
            throws Exception {
        KAFKA.createTopics(1, AlprTopics.DETECTIONS_RAW, AlprTopics.FRAMES_RAW);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<String> sent = new ArrayList<>();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
             EdgePublishing publishing = EdgePublishing.start(new EdgePublishing.Config(KAFKA.bootstrapServers(),
                     dir.resolve("spool"), 16 << 20, true, Duration.ofSeconds(30)), client(registry), null, meters)) {
            Publisher publisher = publishing.publisher();
            submit(publisher, 100, sent);
            await("the first reads sent").atMost(Duration.ofSeconds(60)).until(() -> publisher.pending() == 0);

            KAFKA.broker().close();
            submit(publisher, 300, sent);
            assertThat(publisher.pending()).as("reads held in the spool while the broker is down")
                    .isGreaterThanOrEqualTo(100);

            KAFKA.broker().restart();
            submit(publisher, 100, sent);
            await("spool drained once the broker is back").atMost(Duration.ofMinutes(2))
                    .until(() -> publisher.pending() == 0);

            assertThat(readIds(registry, sent.size())).as("every read once, in the order read")
                    .containsExactlyElementsOf(sent);
        }
    }

    private static void submit(Publisher publisher, int count, List<String> sent) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            PlateRead read = PlateRead.newBuilder().setReadId(id).setCameraId("cam-1").setCapturedAt(Instant.now())
                    .setText("ABC" + (1000 + sent.size())).setConfidence(0.9f).build();
            assertThat(publisher.submit(new Outgoing(read, List.of()), true)).isTrue();
            sent.add(id);
        }
    }

    private static SchemaRegistryClient client(EmbeddedSchemaRegistry registry) {
        return new RestSchemaRegistryClient(RegistryClientConfig.of(registry.url()));
    }

    private static List<String> readIds(EmbeddedSchemaRegistry registry, int expected) {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, PlateRead> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), AvroSerde.forValues(PlateRead.class, client(registry)).deserializer())) {
            consumer.subscribe(List.of(AlprTopics.DETECTIONS_RAW));
            await("reads consumed").atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, PlateRead> r : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(r.value().getReadId());
                }
                return ids.size() >= expected;
            });
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> ids.add(r.value().getReadId()));
        }
        return ids;
    }
}
