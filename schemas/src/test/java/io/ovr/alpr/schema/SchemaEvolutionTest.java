package io.ovr.alpr.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evolution rule of every topic: the current schema can read data written with each
 * released version (BACKWARD), the rule the registry enforces at registration.
 */
class SchemaEvolutionTest {

    /** Released versions kept under test resources; add the new number when a schema ships. */
    private static final List<Integer> RELEASED = List.of(1);

    private static final List<String> COMMON = List.of(
            "common/BoundingBox.avsc", "common/PlateCandidate.avsc", "common/VehicleAttributes.avsc",
            "PlateEvent.avsc", "HotlistEntry.avsc");

    static Stream<Arguments> currentAgainstReleased() {
        return RELEASED.stream().flatMap(version -> Stream.of(
                Arguments.of(version, "PlateRead", PlateRead.getClassSchema()),
                Arguments.of(version, "PlateEvent", PlateEvent.getClassSchema()),
                Arguments.of(version, "FrameCaptured", FrameCaptured.getClassSchema()),
                Arguments.of(version, "Alert", Alert.getClassSchema()),
                Arguments.of(version, "Camera", Camera.getClassSchema()),
                Arguments.of(version, "HotlistEntry", HotlistEntry.getClassSchema())));
    }

    @ParameterizedTest(name = "{1} is backward compatible with released v{0}")
    @MethodSource("currentAgainstReleased")
    void shouldReadEveryReleasedVersion(int version, String name, Schema current) {
        Schema released = released(version, name);

        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released);

        assertThat(result.getType())
                .as("%s v%d -> current: %s", name, version, result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldDetectAFieldAddedWithoutDefault() {
        Schema released = released(RELEASED.get(RELEASED.size() - 1), "Camera");
        Schema broken = new Schema.Parser().parse(Camera.getClassSchema().toString()
                .replace("\"fields\":[", "\"fields\":[{\"name\":\"serial\",\"type\":\"string\"},"));

        var result = SchemaCompatibility.checkReaderWriterCompatibility(broken, released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void shouldGenerateStringFieldsAndInstantTimestamps() {
        SpecificRecord read = PlateRead.newBuilder()
                .setReadId("r").setCameraId("c").setCapturedAt(java.time.Instant.ofEpochMilli(1))
                .setText("ABC123").setConfidence(0.9f).build();

        assertThat(read.get(read.getSchema().getField("text").pos())).isInstanceOf(String.class);
        assertThat(((PlateRead) read).getCapturedAt()).isEqualTo(java.time.Instant.ofEpochMilli(1));
    }

    private static Schema released(int version, String name) {
        Schema.Parser parser = new Schema.Parser();
        for (String common : COMMON) {
            if (!common.endsWith("/" + name + ".avsc") && !common.equals(name + ".avsc")) {
                parse(parser, "/released/" + version + "/" + common);
            }
        }
        return parse(parser, "/released/" + version + "/" + name + ".avsc");
    }

    private static Schema parse(Schema.Parser parser, String resource) {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing released schema " + resource);
            }
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
