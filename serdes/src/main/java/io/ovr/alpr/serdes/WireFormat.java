package io.ovr.alpr.serdes;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the
 * Avro binary encoding of the record.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The schema id of a framed payload; throws when the payload is not in the wire format. */
    public static int schemaId(String topic, byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("payload of " + data.length + " bytes on topic " + topic
                    + " is shorter than the 5-byte Confluent header");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException("unknown magic byte " + data[0] + " on topic " + topic);
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
