package io.ovr.alpr.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.KafkaSchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicDescriptor;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Producer to embedded broker to consumer through the serde and the embedded registry, whose
 * schemas live in the broker's {@code _schemas} topic and keep their ids across a restart.
 */
@Tag("integration")
class SerdeThroughBrokerTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void shouldCarryRecordsFromProducerToConsumerThroughTheRegistry() throws Exception {
        KAFKA.createTopics(1, AlprTopics.DETECTIONS_RAW);
        try (EmbeddedSchemaRegistry server = startRegistry("_schemas_flow")) {
            TopicDescriptor<String, PlateRead> topic = topics(server).detectionsRaw();
            List<PlateRead> sent = List.of(SampleRecords.plateRead(), withText("XYZ9876"), withText("QRS1A23"));

            produce(topic, sent);

            assertThat(consume(topic, sent.size())).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void shouldKeepSchemaIdsAcrossARegistryRestart() throws Exception {
        int id;
        try (EmbeddedSchemaRegistry first = startRegistry("_schemas_restart")) {
            id = client(first).register("restart-value", PlateRead.getClassSchema());
            client(first).register("other-value", SampleRecords.camera().getSchema());
        }

        try (EmbeddedSchemaRegistry second = startRegistry("_schemas_restart")) {
            RestSchemaRegistryClient client = client(second);
            assertThat(client.schemaById(id)).isEqualTo(PlateRead.getClassSchema());
            assertThat(client.register("restart-value", PlateRead.getClassSchema())).isEqualTo(id);
            assertThat(client.subjects()).containsExactlyInAnyOrder("restart-value", "other-value");
        }
    }

    private static PlateRead withText(String text) {
        return PlateRead.newBuilder(SampleRecords.plateRead()).setText(text).build();
    }

    private static EmbeddedSchemaRegistry startRegistry(String topic) throws Exception {
        return EmbeddedSchemaRegistry.start(new KafkaSchemaLog(KAFKA.bootstrapServers(), topic, (short) 1),
                "127.0.0.1", 0);
    }

    private static RestSchemaRegistryClient client(EmbeddedSchemaRegistry server) {
        return new RestSchemaRegistryClient(RegistryClientConfig.of(server.url()));
    }

    private static AlprTopics topics(EmbeddedSchemaRegistry server) {
        return new AlprTopics(TopicsConfig.defaults(), client(server), SerdeOptions.values());
    }

    private static void produce(TopicDescriptor<String, PlateRead> topic, List<PlateRead> reads) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, PlateRead> producer = new KafkaProducer<>(props,
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (PlateRead read : reads) {
                producer.send(new ProducerRecord<>(topic.name(), read.getCameraId(), read)).get();
            }
        }
    }

    private static List<PlateRead> consume(TopicDescriptor<String, PlateRead> topic, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "serde-test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<PlateRead> received = new ArrayList<>();
        try (KafkaConsumer<String, PlateRead> consumer = new KafkaConsumer<>(props,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, PlateRead> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
            }
        }
        return received;
    }
}
