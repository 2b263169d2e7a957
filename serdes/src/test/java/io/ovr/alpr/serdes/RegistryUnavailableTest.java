package io.ovr.alpr.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * A record the deserializer cannot decode because the registry does not answer is told apart from a
 * bad record, so callers retry it instead of dead-lettering it.
 */
class RegistryUnavailableTest {

    @Test
    void shouldSayTheRegistryIsUnavailableWhenItDoesNotAnswerAndUnknownWhenItDoesNotKnowTheId() throws Exception {
        byte[] bytes;
        String url;
        try (EmbeddedSchemaRegistry server = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0)) {
            url = server.url();
            RestSchemaRegistryClient registry = new RestSchemaRegistryClient(RegistryClientConfig.of(url));
            bytes = AvroSerde.forValues(PlateRead.class, registry).serializer().serialize("reads",
                    SampleRecords.plateRead());
            byte[] unknownId = ByteBuffer.allocate(bytes.length).put(bytes).putInt(1, 424_242).array();

            assertThatThrownBy(() -> AvroSerde.forValues(PlateRead.class, registry).deserializer()
                    .deserialize("reads", unknownId)).isInstanceOf(SerializationException.class)
                    .isNotInstanceOf(SchemaRegistryUnavailableException.class).hasMessageContaining("unknown schema id");
        }
        RestSchemaRegistryClient down = new RestSchemaRegistryClient(RegistryClientConfig.of(url)
                .withRetries(1, Duration.ofMillis(10)));

        assertThatThrownBy(() -> AvroSerde.forValues(PlateRead.class, down).deserializer().deserialize("reads", bytes))
                .isInstanceOf(SchemaRegistryUnavailableException.class).hasMessageContaining("unavailable");
        assertThat(SchemaRegistryUnavailableException.isCauseOf(new RuntimeException(
                new SchemaRegistryUnavailableException("down", null)))).isTrue();
    }
}
