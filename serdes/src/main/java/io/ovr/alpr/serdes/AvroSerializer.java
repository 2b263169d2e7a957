package io.ovr.alpr.serdes;

import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import io.ovr.alpr.serdes.registry.SchemaRegistryException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
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

/**
 * Writes a SpecificRecord in the Confluent wire format, resolving the schema id once per topic.
 * Each thread reuses one encoder and one growable buffer, so a record costs one exact-size copy.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final Schema schema;
    private final SchemaRegistryClient registry;
    private final SerdeOptions options;
    private final SpecificDatumWriter<T> writer;
    private final ConcurrentMap<String, Integer> idsByTopic = new ConcurrentHashMap<>();
    private final ThreadLocal<Encoding> encodings = ThreadLocal.withInitial(Encoding::new);

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
        Encoding encoding = encodings.get();
        try {
            BinaryEncoder encoder = encoding.start(id);
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + schema.getFullName() + " for topic " + topic
                    + " with schema id " + id + ": " + e.getMessage(), e);
        }
        return encoding.out.toByteArray();
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

    /** One thread's buffer and encoder. */
    private static final class Encoding {

        final Buffer out = new Buffer();
        BinaryEncoder encoder;

        /** Resets the buffer, writes the wire-format header and returns the encoder writing after it. */
        BinaryEncoder start(int schemaId) {
            out.reset();
            out.write(WireFormat.MAGIC_BYTE);
            out.write(schemaId >>> 24);
            out.write(schemaId >>> 16);
            out.write(schemaId >>> 8);
            out.write(schemaId);
            encoder = EncoderFactory.get().directBinaryEncoder(out, encoder);
            return encoder;
        }
    }

    /** A growable, unsynchronized byte buffer (ByteArrayOutputStream locks on every byte). */
    private static final class Buffer extends OutputStream {

        private byte[] bytes = new byte[512];
        private int size;

        void reset() {
            size = 0;
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
