package io.ovr.alpr.serdes;

/**
 * How an {@link AvroSerde} behaves.
 *
 * @param autoRegister register the writer schema on first use (true), or only look up an id
 *     registered beforehand by {@code alpr admin schemas register} (false, for production)
 * @param isKey whether the serde is for keys (subject suffix {@code -key}) or values
 */
public record SerdeOptions(boolean autoRegister, boolean isKey) {

    public static SerdeOptions values() {
        return new SerdeOptions(true, false);
    }

    public SerdeOptions withAutoRegister(boolean enabled) {
        return new SerdeOptions(enabled, isKey);
    }

    /** The subject under which the schema of {@code topic} is registered. */
    public String subject(String topic) {
        return topic + (isKey ? "-key" : "-value");
    }
}
