package io.ovr.alpr.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovr.alpr.schema.Camera;
import io.ovr.alpr.schema.PlateRead;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Round trips and failure modes of the Confluent-wire-format serde against a real registry over HTTP. */
class AvroSerdeTest {

    private static EmbeddedSchemaRegistry server;
    private static SchemaRegistryClient registry;

    @BeforeAll
    static void startRegistry() throws IOException {
        server = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0);
        registry = new RestSchemaRegistryClient(RegistryClientConfig.of(server.url()));
    }

    @AfterAll
    static void stopRegistry() {
        server.close();
    }

    static Stream<SpecificRecord> everySchema() {
        return Stream.of(SampleRecords.plateRead(), SampleRecords.plateEvent(), SampleRecords.alert(),
                SampleRecords.camera(), SampleRecords.hotlistEntry(), SampleRecords.frame());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySchema")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void shouldRoundTripEverySchema(SpecificRecord record) {
        AvroSerde serde = AvroSerde.forValues(record.getClass(), registry);

        byte[] bytes = serde.serializer().serialize("roundtrip." + record.getSchema().getName(), record);
        Object back = serde.deserializer().deserialize("roundtrip." + record.getSchema().getName(), bytes);

        assertThat(back).isEqualTo(record);
        assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(registry.schemaById(ByteBuffer.wrap(bytes, 1, 4).getInt())).isEqualTo(record.getSchema());
    }

    @Test
    void shouldMapNullToNullBothWays() {
        AvroSerde<PlateRead> serde = AvroSerde.forValues(PlateRead.class, registry);

        assertThat(serde.serializer().serialize("nulls", null)).isNull();
        assertThat(serde.deserializer().deserialize("nulls", null)).isNull();
    }

    @Test
    void shouldRejectCorruptBytesNamingTopicAndSchemaId() {
        AvroSerde<PlateRead> serde = AvroSerde.forValues(PlateRead.class, registry);
        byte[] bytes = serde.serializer().serialize("corrupt", SampleRecords.plateRead());
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

        assertThatThrownBy(() -> serde.deserializer().deserialize("corrupt", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("corrupt")
                .hasMessageContaining("schema id " + id);
    }

    @Test
    void shouldRejectUnknownSchemaId() {
        byte[] bytes = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(0).array();

        assertThatThrownBy(() -> AvroSerde.forValues(PlateRead.class, registry).deserializer()
                .deserialize("unknown-id-topic", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema id 987654")
                .hasMessageContaining("unknown-id-topic");
    }

    @Test
    void shouldRejectWrongMagicByteAndShortPayloads() {
        var deserializer = AvroSerde.forValues(PlateRead.class, registry).deserializer();

        assertThatThrownBy(() -> deserializer.deserialize("magic", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 1");
        assertThatThrownBy(() -> deserializer.deserialize("short", new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("shorter than");
    }

    @Test
    void shouldFailWithoutAutoRegisterWhenTheSchemaIsNotRegistered() {
        AvroSerde<Camera> serde = new AvroSerde<>(Camera.class, registry, SerdeOptions.values().withAutoRegister(false));

        assertThatThrownBy(() -> serde.serializer().serialize("never-registered", SampleRecords.camera()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("never-registered-value");
    }

    @Test
    void shouldUseTheRegisteredIdWithoutAutoRegister() {
        int id = registry.register("preregistered-value", Camera.getClassSchema());
        AvroSerde<Camera> serde = new AvroSerde<>(Camera.class, registry, SerdeOptions.values().withAutoRegister(false));

        byte[] bytes = serde.serializer().serialize("preregistered", SampleRecords.camera());

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void shouldReadRecordsWrittenWithAnOlderCompatibleSchema() throws IOException {
        Schema older = new Schema.Parser().parse("""
                {"type":"record","name":"Camera","namespace":"io.ovr.alpr.schema","fields":[
                  {"name":"camera_id","type":"string"},{"name":"name","type":"string"}]}""");
        int id = registry.register("evolution-value", older);
        GenericRecord old = new GenericData.Record(older);
        old.put("camera_id", "cam-9");
        old.put("name", "Old camera");

        Camera read = AvroSerde.forValues(Camera.class, registry).deserializer()
                .deserialize("evolution", frame(id, older, old));

        assertThat(read.getCameraId()).isEqualTo("cam-9");
        assertThat(read.getSite()).isNull();
        assertThat(read.getEnabled()).isTrue();
    }

    private static byte[] frame(int id, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
