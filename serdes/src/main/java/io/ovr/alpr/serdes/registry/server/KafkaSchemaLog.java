package io.ovr.alpr.serdes.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registry's state in a compacted single-partition topic ({@code _schemas} by default), in the
 * key/value JSON layout Confluent's registry uses, so the registry can be restarted without
 * changing any id.
 */
public final class KafkaSchemaLog implements SchemaLog {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final TopicPartition partition;
    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json = new ObjectMapper();

    public KafkaSchemaLog(String bootstrapServers, String topic, short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.partition = new TopicPartition(topic, 0);
        createTopic(topic, replicationFactor);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "alpr-registry");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Override
    public List<LogEntry> replay() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<LogEntry> entries = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("timed out reading " + partition + " up to offset " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    decode(record.key(), record.value(), entries);
                }
            }
        }
        return entries;
    }

    @Override
    public void append(LogEntry entry) {
        try {
            producer.send(encode(entry)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted writing to " + partition, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot write to " + partition + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private ProducerRecord<String, String> encode(LogEntry entry) {
        ObjectNode key = json.createObjectNode();
        ObjectNode value = json.createObjectNode();
        if (entry instanceof LogEntry.SchemaVersion v) {
            key.put("keytype", "SCHEMA").put("subject", v.subject()).put("version", v.version()).put("magic", 1);
            value.put("subject", v.subject()).put("version", v.version()).put("id", v.id())
                    .put("schema", v.schema()).put("deleted", v.deleted());
            return new ProducerRecord<>(partition.topic(), 0, key.toString(), value.toString());
        }
        LogEntry.CompatibilityConfig c = (LogEntry.CompatibilityConfig) entry;
        key.put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
        String payload = c.level() == null ? null : value.put("compatibilityLevel", c.level()).toString();
        return new ProducerRecord<>(partition.topic(), 0, key.toString(), payload);
    }

    private void decode(String keyText, String valueText, List<LogEntry> into) {
        try {
            JsonNode key = json.readTree(keyText);
            String subject = key.path("subject").isNull() ? null : key.path("subject").asText(null);
            switch (key.path("keytype").asText()) {
                case "SCHEMA" -> {
                    if (valueText != null) {
                        JsonNode v = json.readTree(valueText);
                        into.add(new LogEntry.SchemaVersion(v.get("subject").asText(), v.get("version").asInt(),
                                v.get("id").asInt(), v.get("schema").asText(), v.path("deleted").asBoolean(false)));
                    }
                }
                case "CONFIG" -> into.add(new LogEntry.CompatibilityConfig(subject, valueText == null ? null
                        : json.readTree(valueText).get("compatibilityLevel").asText()));
                default -> { }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt entry in " + partition + ": " + keyText, e);
        }
    }

    private void createTopic(String topic, short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                    .configs(Map.of("cleanup.policy", "compact"));
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkaException("cannot create " + topic + ": " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted creating " + topic, e);
        } catch (TimeoutException e) {
            throw new KafkaException("timed out creating " + topic + " on " + bootstrapServers, e);
        }
    }
}
