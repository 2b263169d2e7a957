package io.ovr.alpr.cli.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ovr.alpr.cli.AlprCommand;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.KafkaSchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alpr streams} started while the schema registry is down, with reads already waiting: it
 * says clearly that it cannot decode them because the registry is unavailable, dead-letters none of
 * them, and processes every one once the registry is back on its address.
 */
@Tag("integration")
class RegistryOutageIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void shouldSayTheRegistryIsUnavailableDeadLetterNothingAndProcessEveryReadOnceItIsBack(@TempDir Path dir)
            throws Exception {
        run("admin", "topics", "create", "--bootstrap-servers", KAFKA.bootstrapServers(), "--partitions", "2");
        int port = AlprProcess.freePort();
        ReadLedger ledger = new ReadLedger();
        RealisticReads generator = new RealisticReads(RealisticReads.Profile.defaults().withPlates(500)
                .withShares(0.05, 0, 0.05));
        try (EmbeddedSchemaRegistry registry = registry(port)) {
            AlprTopics topics = topics(registry.url());
            try (LoadGenerator load = new LoadGenerator(KAFKA.bootstrapServers(), topics)) {
                load.registerWorld(generator);
                load.run(generator, 500, Duration.ofSeconds(2), new AtomicBoolean(), ledger::sent);
            }
        }

        try (AlprProcess streams = AlprProcess.start("streams", "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--registry-url", "http://127.0.0.1:" + port, "--state-dir", dir.toString(), "--application-id",
                "alpr-registry-it", "--api-bind", "127.0.0.1", "--api-port", Integer.toString(AlprProcess.freePort()))) {
            await("a clear error while the registry is down").atMost(Duration.ofMinutes(2))
                    .until(() -> streams.printed("is unavailable") && streams.printed("nothing is started until it"
                            + " answers"));
            assertThat(streams.isAlive()).isTrue();

            try (EmbeddedSchemaRegistry registry = registry(port)) {
                AlprTopics topics = topics(registry.url());
                await("every read processed once the registry is back").atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> ReadLedger.caughtUp(KAFKA.bootstrapServers(),
                                "alpr-registry-it", AlprTopics.DETECTIONS_RAW, AlprTopics.PLATES_ENRICHED));

                assertThat(ReadLedger.consumeAll(KAFKA.bootstrapServers(), AlprTopics.DLQ)).as("dead letters").isEmpty();
                assertThat(new HashSet<>(ReadLedger.enrichedReadIds(KAFKA.bootstrapServers(), topics)))
                        .isEqualTo(ledger.expectedEnriched());
                assertThat(streams.output()).contains("answers again: starting", "-> RUNNING");
            } finally {
                java.nio.file.Files.writeString(Path.of("target", "registry-it.log"), streams.output());
            }
        }
    }

    private static EmbeddedSchemaRegistry registry(int port) throws Exception {
        return EmbeddedSchemaRegistry.start(new KafkaSchemaLog(KAFKA.bootstrapServers(), "_schemas", (short) 1),
                "127.0.0.1", port);
    }

    private static AlprTopics topics(String url) {
        return new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(RegistryClientConfig.of(url)),
                SerdeOptions.values());
    }

    private static void run(String... args) {
        StringWriter out = new StringWriter();
        int exit = AlprCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute(args);
        assertThat(exit).as(out.toString()).isZero();
    }
}
