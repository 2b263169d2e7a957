package io.ovr.alpr.sinks;

import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.PlateCandidate;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A real embedded registry, typed topics, sample records and plain producers/consumers for the sink tests. */
public final class SinkFixtures implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final EmbeddedSchemaRegistry registry;
    private final AlprTopics topics;
    private final KafkaBrokerExtension broker;

    public SinkFixtures(KafkaBrokerExtension broker) {
        this.broker = broker;
        try {
            registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                RegistryClientConfig.of(registry.url())), SerdeOptions.values());
    }

    public AlprTopics topics() {
        return topics;
    }

    public String bootstrap() {
        return broker.bootstrapServers();
    }

    /** Creates the sinks' topics (3 partitions, kept forever) and the DLQ. */
    public void createTopics() {
        broker.createTopics(3, AlprTopics.PLATES_ENRICHED, AlprTopics.ALERTS, AlprTopics.DLQ);
        broker.createTopics(1, AlprTopics.CAMERAS);
    }

    /** Deletes and creates {@code topic} again (3 partitions), so a test reads only what it sends. */
    public void recreate(String topic) {
        try (org.apache.kafka.clients.admin.Admin admin = broker.admin()) {
            admin.deleteTopics(List.of(topic)).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 3, (short) 1)
                            .configs(Map.of("retention.ms", "-1")))).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)
                            || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100); // the deletion completes in the background
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot recreate " + topic + ": " + e.getMessage(), e);
        }
    }

    /** A pass with {@code readCount} reads; captured_at (first read) stays fixed across its versions. */
    public static PlateEvent event(String eventId, String plate, Instant capturedAt, int readCount, float confidence) {
        return PlateEvent.newBuilder()
                .setEventId(eventId).setReadId(UUID.randomUUID().toString()).setCameraId("cam-" + (plate.hashCode() & 3))
                .setCapturedAt(capturedAt).setPlateText(plate).setNormalized(plate).setFolded(plate.replace('O', '0'))
                .setConfidence(confidence)
                .setCandidates(List.of(new PlateCandidate(plate, confidence), new PlateCandidate(plate + "\"\t\\", 0.1f)))
                .setRegion("BR").setRegionConfidence(0.8f).setSite("site-a").setLatitude(-23.5).setLongitude(-46.6)
                .setCameraName("Gate \\ 1").setFrameNumber(42).setReadCount(readCount)
                .setFirstSeen(capturedAt).setLastSeen(capturedAt.plusMillis(100L * readCount))
                .setProcessedAt(capturedAt.plusMillis(5)).build();
    }

    /** {@code n} distinct passes spread over two UTC days. */
    public static List<PlateEvent> events(int n, Instant start) {
        List<PlateEvent> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(event(UUID.randomUUID().toString(), String.format("ABC%04d", i),
                    start.plus(Duration.ofMinutes(3L * i)), 1, 0.9f));
        }
        return list;
    }

    public static Alert alert(PlateEvent event, String source) {
        return Alert.newBuilder()
                .setAlertId(UUID.nameUUIDFromBytes((event.getEventId() + source).getBytes()).toString())
                .setEventId(event.getEventId()).setKind("HOTLIST").setMatchKind("EXACT").setPriority(3)
                .setReason("stolen").setPlate(event.getNormalized()).setMatchedPlate(event.getNormalized())
                .setCameraId(event.getCameraId()).setSite(event.getSite()).setRaisedAt(event.getProcessedAt())
                .setEvent(event).build();
    }

    public static Camera camera(String id, String name) {
        return Camera.newBuilder().setCameraId(id).setName(name).setSite("site-a").setLatitude(1.5).setLongitude(2.5)
                .setDefaultRegion("BR").build();
    }

    public void sendEvents(List<PlateEvent> events) {
        send(AlprTopics.PLATES_ENRICHED, events.stream().map(e -> Map.entry(e.getNormalized(),
                topics.platesEnriched().valueSerde().serializer().serialize(AlprTopics.PLATES_ENRICHED, e))).toList());
    }

    public void sendAlerts(List<Alert> alerts) {
        send(AlprTopics.ALERTS, alerts.stream().map(a -> Map.entry(a.getPlate(),
                topics.alerts().valueSerde().serializer().serialize(AlprTopics.ALERTS, a))).toList());
    }

    public void sendCamera(String id, Camera camera) {
        List<Map.Entry<String, byte[]>> one = new ArrayList<>();
        one.add(new java.util.AbstractMap.SimpleEntry<>(id,
                camera == null ? null : topics.cameras().valueSerde().serializer().serialize(AlprTopics.CAMERAS, camera)));
        send(AlprTopics.CAMERAS, one);
    }

    /** Sends raw key/value bytes (values may be garbage or null). */
    public void send(String topic, List<Map.Entry<String, byte[]>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(topic, r.getKey() == null ? null : r.getKey().getBytes(),
                        r.getValue()));
            }
            producer.flush();
        }
    }

    /** Everything in {@code topic} now, read by a fresh consumer (waits up to 10 s for {@code expected}). */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long start = System.nanoTime();
            long deadline = start + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(300));
                records.forEach(out::add);
                if (records.isEmpty() && !consumer.assignment().isEmpty() && out.size() >= expected
                        && System.nanoTime() - start > Duration.ofSeconds(1).toNanos()) {
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        registry.close();
    }
}
