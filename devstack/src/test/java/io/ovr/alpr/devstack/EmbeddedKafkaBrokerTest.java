package io.ovr.alpr.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded KRaft broker: records flow, transactions commit, a restart keeps records and offsets. */
@Tag("integration")
class EmbeddedKafkaBrokerTest {

    @Test
    void shouldKeepRecordsAndCommittedOffsetsAcrossARestart(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerConfig.forTests().withDataDir(dir))) {
            String bootstrap = broker.bootstrapServers();
            createTopic(bootstrap, "restart");
            produce(bootstrap, "restart", List.of("a", "b", "c"), false);
            assertThat(consume(bootstrap, "restart", "g1", 2)).containsExactly("a", "b");

            broker.restart();

            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            produce(bootstrap, "restart", List.of("d"), false);
            assertThat(consume(bootstrap, "restart", "g1", 2)).containsExactly("c", "d");
            assertThat(consume(bootstrap, "restart", "fresh-" + UUID.randomUUID(), 4))
                    .containsExactly("a", "b", "c", "d");
        }
    }

    @Test
    void shouldCommitTransactionsForReadCommittedConsumers() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerConfig.forTests())) {
            String bootstrap = broker.bootstrapServers();
            createTopic(bootstrap, "tx");

            produce(bootstrap, "tx", List.of("t1", "t2"), true);

            assertThat(consume(bootstrap, "tx", "tx-reader", 2)).containsExactly("t1", "t2");
        }
    }

    private static void createTopic(String bootstrap, String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
    }

    private static void produce(String bootstrap, String topic, List<String> values, boolean transactional)
            throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        if (transactional) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID());
        }
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            if (transactional) {
                producer.initTransactions();
                producer.beginTransaction();
            }
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value)).get();
            }
            if (transactional) {
                producer.commitTransaction();
            }
        }
    }

    private static List<String> consume(String bootstrap, String topic, String group, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        }
        return values;
    }
}
