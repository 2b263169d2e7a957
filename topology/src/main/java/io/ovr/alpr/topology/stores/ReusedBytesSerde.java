package io.ovr.alpr.topology.stores;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A value serde that remembers, per thread, the last values it read and the bytes it read each
 * from; asked to write one of those very instances, it returns its bytes instead of encoding it
 * anew.
 * <p>
 * The sub-topology that reads {@code alpr.plates.enriched} puts each event, unchanged, into two
 * stores; with this serde on its source and on both stores, an event is decoded once and never
 * re-encoded: the stores and their changelogs hold the bytes of the topic record (valid wire
 * format whatever schema id they carry). Kafka Streams decodes the next record of each input
 * partition before the current one is processed, so several values are remembered ({@value #KEPT},
 * more than the partitions a thread usually reads). Values are never mutated once read, which is
 * what makes the identity check safe; any other instance is encoded by the wrapped serde.
 */
public final class ReusedBytesSerde<V> implements Serde<V> {

    static final int KEPT = 32;

    private final Serializer<V> serializer;
    private final Deserializer<V> deserializer;
    private final ThreadLocal<Recent> recent = ThreadLocal.withInitial(Recent::new);

    public ReusedBytesSerde(Serde<V> inner, String topic) {
        Serializer<V> write = inner.serializer();
        Deserializer<V> read = inner.deserializer();
        this.deserializer = (ignored, bytes) -> {
            V value = read.deserialize(topic, bytes);
            if (value != null) {
                recent.get().remember(value, bytes);
            }
            return value;
        };
        this.serializer = (ignored, value) -> {
            byte[] bytes = value == null ? null : recent.get().bytesOf(value);
            return bytes != null ? bytes : write.serialize(topic, value);
        };
    }

    @Override
    public Serializer<V> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<V> deserializer() {
        return deserializer;
    }

    /** A ring of the last values read on one thread and their bytes. */
    private static final class Recent {

        private final Object[] values = new Object[KEPT];
        private final byte[][] bytes = new byte[KEPT][];
        private int next;

        void remember(Object value, byte[] data) {
            values[next] = value;
            bytes[next] = data;
            next = (next + 1) % KEPT;
        }

        /** The bytes {@code value} was read from, or null; searches the most recent first. */
        byte[] bytesOf(Object value) {
            for (int i = 1; i <= KEPT; i++) {
                int at = Math.floorMod(next - i, KEPT);
                if (values[at] == value) {
                    return bytes[at];
                }
            }
            return null;
        }
    }
}
