package io.ovr.alpr.serdes;

import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import io.ovr.alpr.serdes.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into a SpecificRecord, resolving the writer's schema by id
 * (cached) against the reader's compiled schema, so records written with an older compatible
 * schema still read. Each thread reuses one decoder.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Schema readerSchema;
    private final SchemaRegistryClient registry;
    private final ConcurrentMap<Integer, SpecificDatumReader<T>> readersById = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

    public AvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
        this.readerSchema = SpecificData.get().getSchema(type);
        this.registry = registry;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(topic, data);
        SpecificDatumReader<T> reader = readersById.computeIfAbsent(id, k -> newReader(topic, k));
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                    data.length - WireFormat.HEADER_SIZE, decoders.get());
            decoders.set(decoder);
            T record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("trailing bytes after the record on topic " + topic
                        + " with schema id " + id);
            }
            return record;
        } catch (IOException | AvroRuntimeException | ClassCastException | IndexOutOfBoundsException
                 | NegativeArraySizeException e) {
            throw new SerializationException("corrupt " + readerSchema.getFullName() + " on topic " + topic
                    + " with schema id " + id + ": " + e, e);
        }
    }

    private SpecificDatumReader<T> newReader(String topic, int id) {
        try {
            return new SpecificDatumReader<>(registry.schemaById(id), readerSchema);
        } catch (SchemaRegistryException e) {
            if (e.isUnavailable()) {
                throw new SchemaRegistryUnavailableException("schema registry unavailable while looking up schema id "
                        + id + " on topic " + topic + ": " + e.getMessage(), e);
            }
            throw new SerializationException("unknown schema id " + id + " on topic " + topic + ": "
                    + e.getMessage(), e);
        }
    }
}
