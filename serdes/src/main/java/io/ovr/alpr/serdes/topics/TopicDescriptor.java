package io.ovr.alpr.serdes.topics;

import org.apache.kafka.common.serialization.Serde;

/** A topic with its typed key and value serdes: the one place a topic's name and format meet. */
public record TopicDescriptor<K, V>(TopicSpec spec, Serde<K> keySerde, Serde<V> valueSerde) {

    public String name() {
        return spec.name();
    }
}
