package io.ovr.alpr.processors.pass;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Compact binary serde of {@link PassState} for the pass store and its changelog (version byte first). */
public final class PassStateSerde implements Serde<PassState> {

    private static final byte VERSION = 1;

    @Override
    public Serializer<PassState> serializer() {
        return (topic, state) -> {
            if (state == null) {
                return null;
            }
            byte[] id = state.eventId().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + 4 + id.length + 8 * 4 + 4 + 4).put(VERSION).putInt(id.length).put(id)
                    .putLong(state.capturedAt()).putLong(state.firstSeen()).putLong(state.lastSeen())
                    .putLong(state.expiresAt()).putFloat(state.bestConfidence()).putInt(state.readCount()).array();
        };
    }

    @Override
    public Deserializer<PassState> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                ByteBuffer in = ByteBuffer.wrap(data);
                if (in.get() != VERSION) {
                    throw new SerializationException("unknown PassState version on " + topic);
                }
                byte[] id = new byte[in.getInt()];
                in.get(id);
                return new PassState(new String(id, StandardCharsets.UTF_8), in.getLong(), in.getLong(), in.getLong(),
                        in.getLong(), in.getFloat(), in.getInt());
            } catch (RuntimeException e) {
                throw new SerializationException("corrupt PassState on " + topic, e);
            }
        };
    }
}
