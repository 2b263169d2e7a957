package io.ovr.alpr.serdes;

import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link Serde} for one Avro SpecificRecord type in the Confluent wire format, interoperable
 * with Confluent's KafkaAvroSerializer/Deserializer. Subjects follow the topic-name strategy
 * ({@code <topic>-value} or {@code <topic>-key}).
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    public AvroSerde(Class<T> type, SchemaRegistryClient registry, SerdeOptions options) {
        this.serializer = new AvroSerializer<>(type, registry, options);
        this.deserializer = new AvroDeserializer<>(type, registry);
    }

    /** A value serde registering schemas on first use. */
    public static <T extends SpecificRecord> AvroSerde<T> forValues(Class<T> type, SchemaRegistryClient registry) {
        return new AvroSerde<>(type, registry, SerdeOptions.values());
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // configured by its constructor; Kafka's map-based configuration is not needed
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
