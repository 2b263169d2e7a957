package io.ovr.alpr.serdes;

import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import io.ovr.alpr.serdes.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a SpecificRecord in the Confluent wire format, resolving the schema id once per topic. */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final Schema schema;
    private final SchemaRegistryClient registry;
    private final SerdeOptions options;
    private final SpecificDatumWriter<T> writer;
    private final ConcurrentMap<String, Integer> idsByTopic = new ConcurrentHashMap<>();

    public AvroSerializer(Class<T> type, SchemaRegistryClient registry, SerdeOptions options) {
        this.schema = SpecificData.get().getSchema(type);
        this.registry = registry;
        this.options = options;
        this.writer = new SpecificDatumWriter<>(schema);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        int id = idsByTopic.computeIfAbsent(topic, this::resolveId);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + schema.getFullName() + " for topic " + topic
                    + " with schema id " + id + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private int resolveId(String topic) {
        String subject = options.subject(topic);
        try {
            return options.autoRegister() ? registry.register(subject, schema) : registry.lookup(subject, schema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot resolve the schema id of " + schema.getFullName()
                    + " under subject " + subject + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
