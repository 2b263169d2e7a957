package io.ovr.alpr.serdes.topics;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** A topic with its typed key and value serdes: the one place a topic's name and format meet. */
public record TopicDescriptor<K, V>(TopicSpec spec, Serde<K> keySerde, Serde<V> valueSerde) {

    public String name() {
        return spec.name();
    }

    /**
     * The value serde for state stores holding this topic's values: it writes under this topic's
     * subject whatever changelog topic it is called for, so stores need no subjects of their own
     * (and work with auto-registration off).
     */
    public Serde<V> valueSerdeForStores() {
        String topic = spec.name();
        return Serdes.serdeFrom((ignored, value) -> valueSerde.serializer().serialize(topic, value),
                (ignored, bytes) -> valueSerde.deserializer().deserialize(topic, bytes));
    }
}
