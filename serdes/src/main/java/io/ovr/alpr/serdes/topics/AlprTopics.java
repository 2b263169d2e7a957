package io.ovr.alpr.serdes.topics;

import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.FrameCaptured;
import io.ovr.alpr.schema.HotlistEntry;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.AvroSerde;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the system with its serdes, built from configuration. Keys are strings
 * (camera id or normalized plate); values are Avro in the Confluent wire format, except the
 * dead-letter topic which keeps the original bytes.
 */
public final class AlprTopics {

    public static final String FRAMES_RAW = "alpr.frames.raw";
    public static final String DETECTIONS_RAW = "alpr.detections.raw";
    public static final String CAMERAS = "alpr.cameras";
    public static final String HOTLIST = "alpr.hotlist";
    public static final String PLATES_ENRICHED = "alpr.plates.enriched";
    public static final String ALERTS = "alpr.alerts";
    public static final String DLQ = "alpr.dlq";

    /** Header naming why a record was rejected (a reason code). */
    public static final String REJECT_REASON_HEADER = "alpr.reject.reason";
    /** Header with a human-readable detail of the rejection. */
    public static final String REJECT_DETAIL_HEADER = "alpr.reject.detail";

    private final TopicDescriptor<String, FrameCaptured> framesRaw;
    private final TopicDescriptor<String, PlateRead> detectionsRaw;
    private final TopicDescriptor<String, Camera> cameras;
    private final TopicDescriptor<String, HotlistEntry> hotlist;
    private final TopicDescriptor<String, PlateEvent> platesEnriched;
    private final TopicDescriptor<String, Alert> alerts;
    private final TopicDescriptor<byte[], byte[]> dlq;

    public AlprTopics(TopicsConfig config, SchemaRegistryClient registry, SerdeOptions options) {
        Map<String, TopicSpec> specs = specs(config).stream()
                .collect(Collectors.toMap(TopicSpec::name, Function.identity()));
        framesRaw = avro(specs.get(FRAMES_RAW), FrameCaptured.class, registry, options);
        detectionsRaw = avro(specs.get(DETECTIONS_RAW), PlateRead.class, registry, options);
        cameras = avro(specs.get(CAMERAS), Camera.class, registry, options);
        hotlist = avro(specs.get(HOTLIST), HotlistEntry.class, registry, options);
        platesEnriched = avro(specs.get(PLATES_ENRICHED), PlateEvent.class, registry, options);
        alerts = avro(specs.get(ALERTS), Alert.class, registry, options);
        dlq = new TopicDescriptor<>(specs.get(DLQ), Serdes.ByteArray(), Serdes.ByteArray());
    }

    /**
     * Every topic, in the order of the data flow. Cameras and hotlist are compacted with one
     * partition (they feed global tables); the keyed streams get the configured partitions.
     */
    public static List<TopicSpec> specs(TopicsConfig config) {
        int partitions = config.partitions();
        short rf = config.replicationFactor();
        return List.of(
                new TopicSpec(FRAMES_RAW, partitions, rf, false, config.retention(config.rawRetention())),
                new TopicSpec(DETECTIONS_RAW, partitions, rf, false, config.retention(config.rawRetention())),
                new TopicSpec(CAMERAS, 1, rf, true, Optional.empty()),
                new TopicSpec(HOTLIST, 1, rf, true, Optional.empty()),
                new TopicSpec(PLATES_ENRICHED, partitions, rf, false, config.retention(config.enrichedRetention())),
                new TopicSpec(ALERTS, partitions, rf, false, config.retention(config.alertRetention())),
                new TopicSpec(DLQ, partitions, rf, false, config.retention(config.dlqRetention())));
    }

    public TopicDescriptor<String, FrameCaptured> framesRaw() {
        return framesRaw;
    }

    public TopicDescriptor<String, PlateRead> detectionsRaw() {
        return detectionsRaw;
    }

    public TopicDescriptor<String, Camera> cameras() {
        return cameras;
    }

    public TopicDescriptor<String, HotlistEntry> hotlist() {
        return hotlist;
    }

    public TopicDescriptor<String, PlateEvent> platesEnriched() {
        return platesEnriched;
    }

    public TopicDescriptor<String, Alert> alerts() {
        return alerts;
    }

    public TopicDescriptor<byte[], byte[]> dlq() {
        return dlq;
    }

    /** The value schema of each Avro topic, for {@code alpr admin schemas register}. */
    public static List<SubjectSchema> valueSchemas() {
        return List.of(
                subject(FRAMES_RAW, FrameCaptured.getClassSchema()),
                subject(DETECTIONS_RAW, PlateRead.getClassSchema()),
                subject(CAMERAS, Camera.getClassSchema()),
                subject(HOTLIST, HotlistEntry.getClassSchema()),
                subject(PLATES_ENRICHED, PlateEvent.getClassSchema()),
                subject(ALERTS, Alert.getClassSchema()));
    }

    /** A subject and the schema registered under it. */
    public record SubjectSchema(String subject, Schema schema) {
    }

    private static SubjectSchema subject(String topic, Schema schema) {
        return new SubjectSchema(topic + "-value", schema);
    }

    private static <V extends SpecificRecord> TopicDescriptor<String, V> avro(
            TopicSpec spec, Class<V> type, SchemaRegistryClient registry, SerdeOptions options) {
        return new TopicDescriptor<>(spec, Serdes.String(), new AvroSerde<>(type, registry, options));
    }

}
