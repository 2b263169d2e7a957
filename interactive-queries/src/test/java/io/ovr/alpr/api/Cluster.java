package io.ovr.alpr.api;

import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicSpec;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The shared pieces of an integration test class: the registry, the topics and a way to produce reads. */
final class Cluster implements AutoCloseable {

    final String bootstrap;
    final EmbeddedSchemaRegistry registry;
    final AlprTopics topics;

    Cluster(String bootstrap, int partitions) throws Exception {
        this.bootstrap = bootstrap;
        this.registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
        this.topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                RegistryClientConfig.of(registry.url())), SerdeOptions.values());
        List<NewTopic> specs = new ArrayList<>();
        for (TopicSpec spec : AlprTopics.specs(TopicsConfig.defaults().withPartitions(partitions).keepingForever())) {
            specs.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(specs).all().get();
        }
    }

    static PlateRead read(String camera, String text, Instant at) {
        return PlateRead.newBuilder().setReadId(UUID.randomUUID().toString()).setCameraId(camera).setCapturedAt(at)
                .setText(text).setConfidence(0.9f).build();
    }

    /** Produces the reads keyed by camera, as the edge does, and waits until the broker has them. */
    void produce(List<PlateRead> reads) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (PlateRead read : reads) {
                producer.send(new ProducerRecord<>(AlprTopics.DETECTIONS_RAW, read.getCameraId(),
                        topics.detectionsRaw().valueSerde().serializer().serialize(AlprTopics.DETECTIONS_RAW, read)))
                        .get();
            }
        }
    }

    @Override
    public void close() {
        registry.close();
    }
}
