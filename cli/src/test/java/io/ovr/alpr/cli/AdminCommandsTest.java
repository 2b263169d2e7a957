package io.ovr.alpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.KafkaSchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code alpr admin ...} against an embedded broker and registry. */
@Tag("integration")
class AdminCommandsTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void shouldCreateEveryTopicWithPartitionsCompactionAndRetentionIdempotently() throws Exception {
        String first = run("admin", "topics", "create", "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--partitions", "4", "--raw-retention-days", "3");
        String second = run("admin", "topics", "create", "--bootstrap-servers", KAFKA.bootstrapServers());

        assertThat(first).contains("alpr.detections.raw", "created");
        assertThat(second).doesNotContain("created").contains("exists");
        try (Admin admin = KAFKA.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(AlprTopics.DETECTIONS_RAW,
                    AlprTopics.HOTLIST)).allTopicNames().get();
            assertThat(topics.get(AlprTopics.DETECTIONS_RAW).partitions()).hasSize(4);
            assertThat(topics.get(AlprTopics.HOTLIST).partitions()).hasSize(1);
            assertThat(config(admin, AlprTopics.HOTLIST).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config(admin, AlprTopics.DETECTIONS_RAW).get("retention.ms").value())
                    .isEqualTo(Long.toString(3L * 24 * 3600 * 1000));
            assertThat(admin.listTopics().names().get()).containsAll(AlprTopics.specs(
                    io.ovr.alpr.serdes.topics.TopicsConfig.defaults()).stream().map(s -> s.name()).toList());
        }
    }

    @Test
    void shouldRegisterEveryValueSchemaWithBackwardCompatibility() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                new KafkaSchemaLog(KAFKA.bootstrapServers(), "_schemas", (short) 1), "127.0.0.1", 0)) {
            String out = run("admin", "schemas", "register", "--registry-url", registry.url());

            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.of(registry.url()));
            assertThat(client.subjects()).hasSize(AlprTopics.valueSchemas().size());
            assertThat(client.compatibility(AlprTopics.PLATES_ENRICHED + "-value")).isEqualTo("BACKWARD");
            assertThat(out).contains("alpr.plates.enriched-value");
        }
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AlprCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        return out.toString();
    }
}
