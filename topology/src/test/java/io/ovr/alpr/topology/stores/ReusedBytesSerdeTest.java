package io.ovr.alpr.topology.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class ReusedBytesSerdeTest {

    private final ReusedBytesSerde<String> serde = new ReusedBytesSerde<>(Serdes.String(), "topic");

    @Test
    void shouldWriteTheBytesAValueWasReadFromWithoutEncodingIt() {
        byte[] bytes = utf8("ABC1234");
        String value = serde.deserializer().deserialize("topic", bytes);

        assertThat(serde.serializer().serialize("store-changelog", value)).isSameAs(bytes);
    }

    @Test
    void shouldStillFindAValueWhenLaterRecordsWereReadAhead() {
        byte[] first = utf8("first");
        String value = serde.deserializer().deserialize("topic", first);
        serde.deserializer().deserialize("topic", utf8("second"));
        serde.deserializer().deserialize("topic", utf8("third"));

        assertThat(serde.serializer().serialize("store-changelog", value)).isSameAs(first);
    }

    @Test
    void shouldEncodeAnEqualButDifferentInstance() {
        byte[] bytes = utf8("ABC1234");
        serde.deserializer().deserialize("topic", bytes);

        byte[] written = serde.serializer().serialize("store-changelog", new String("ABC1234"));

        assertThat(written).isNotSameAs(bytes).isEqualTo(bytes);
    }

    @Test
    void shouldForgetValuesReadLongAgo() {
        byte[] bytes = utf8("old");
        String value = serde.deserializer().deserialize("topic", bytes);
        for (int i = 0; i < ReusedBytesSerde.KEPT; i++) {
            serde.deserializer().deserialize("topic", utf8("later-" + i));
        }

        assertThat(serde.serializer().serialize("store-changelog", value)).isNotSameAs(bytes).isEqualTo(bytes);
    }

    @Test
    void shouldMapNullToNullBothWays() {
        assertThat(serde.deserializer().deserialize("topic", null)).isNull();
        assertThat(serde.serializer().serialize("topic", null)).isNull();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
