package io.ovr.alpr.cli.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ovr.alpr.cli.AlprCommand;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.processors.text.PlateText;
import io.ovr.alpr.serdes.SerdeOptions;
import io.ovr.alpr.serdes.registry.RegistryClientConfig;
import io.ovr.alpr.serdes.registry.RestSchemaRegistryClient;
import io.ovr.alpr.serdes.registry.server.EmbeddedSchemaRegistry;
import io.ovr.alpr.serdes.registry.server.InMemorySchemaLog;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicsConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code alpr streams} processes under a steady load of realistic reads; one is killed hard
 * (SIGKILL: no close, no commit, an open transaction left behind). The survivor keeps answering the
 * query API (from its standby copy, then as the new owner once the group drops the dead member), the
 * killed one is restarted on its state directory and rejoins, and at the end every read sent is
 * accounted for exactly once: enriched, suppressed as a duplicate of its pass, or dead-lettered.
 */
@Tag("integration")
class StreamsCrashIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final String KEY = "it-key-0123456789";
    private static final int RATE = 150;

    @Test
    void shouldAccountForEveryReadWhenAnInstanceIsKilledHardAndTheOtherTakesOverAnsweringQueries(
            @TempDir Path dir) throws Exception {
        run("admin", "topics", "create", "--bootstrap-servers", KAFKA.bootstrapServers(), "--partitions", "4");
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(new InMemorySchemaLog(), "127.0.0.1", 0)) {
            AlprTopics topics = new AlprTopics(TopicsConfig.defaults(), new RestSchemaRegistryClient(
                    RegistryClientConfig.of(registry.url())), SerdeOptions.values());
            RealisticReads generator = new RealisticReads(RealisticReads.Profile.defaults().withPlates(5_000)
                    .withShares(0.05, 0.02, 0.05));
            ReadLedger ledger = new ReadLedger();
            Map<String, Boolean> plates = new ConcurrentHashMap<>();
            int portA = AlprProcess.freePort();
            int portB = AlprProcess.freePort();
            AlprProcess a = streams(registry, dir.resolve("a"), portA);
            AlprProcess b = streams(registry, dir.resolve("b"), portB);
            try (LoadGenerator load = new LoadGenerator(KAFKA.bootstrapServers(), topics)) {
                await("both instances running").atMost(Duration.ofMinutes(2))
                        .until(() -> a.printed("-> RUNNING") && b.printed("-> RUNNING"));
                load.registerWorld(generator);
                AtomicBoolean stop = new AtomicBoolean();
                Thread sender = new Thread(() -> load.run(generator, RATE, Duration.ofMinutes(10), stop, read -> {
                    ledger.sent(read);
                    if (read.fate() == RealisticReads.Fate.ENRICHED && !read.misread() && plates.size() < 40) {
                        plates.put(PlateText.normalize(read.read().getText()), true);
                    }
                }), "load");
                sender.start();
                Http http = new Http(portB);
                await("a few thousand reads through both").atMost(Duration.ofMinutes(1))
                        .until(() -> ledger.total() > 3_000 && plates.size() >= 40);
                List<String> sample = List.copyOf(plates.keySet());
                await("the sample answered by B").atMost(Duration.ofMinutes(1))
                        .untilAsserted(() -> assertThat(sample.stream().map(http::status).toList()).containsOnly(200));

                a.kill();
                List<Integer> during = new CopyOnWriteArrayList<>();
                await("B owns every partition once the group drops A").atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                            sample.forEach(p -> during.add(http.status(p)));
                            return http.instances().contains("127.0.0.1:" + portB) && !http.instances()
                                    .contains("127.0.0.1:" + portA);
                        });
                AlprProcess restarted = streams(registry, dir.resolve("a"), portA);
                try (restarted) {
                    await("A back in the group").atMost(Duration.ofMinutes(2)).ignoreExceptions()
                            .until(() -> restarted.printed("-> RUNNING") && http.instances().contains(":" + portA));
                    stop.set(true);
                    sender.join();
                    await("every read accounted for").atMost(Duration.ofMinutes(2)).until(() ->
                            new HashSet<>(ReadLedger.enrichedReadIds(KAFKA.bootstrapServers(), topics))
                                    .containsAll(ledger.expectedEnriched())
                                    && ReadLedger.deadReadIds(KAFKA.bootstrapServers(), topics).size()
                                    >= ledger.expectedDead().size());
                    List<Integer> after = sample.stream().map(http::status).toList();

                    assertThat(during).as("answers of B while A was dead (200, or 503 with Retry-After)")
                            .isNotEmpty().allMatch(status -> status == 200 || status == 503);
                    assertThat(during.stream().filter(s -> s == 200).count()).as("answered from B's standby copy")
                            .isGreaterThan(during.size() / 2);
                    assertThat(after).as("every sampled plate once A is back").containsOnly(200);
                }
                assertThat(b.isAlive()).isTrue();
            } finally {
                a.close();
                b.close();
                java.nio.file.Files.writeString(Path.of("target", "crash-it-b.log"), b.output());
                java.nio.file.Files.writeString(Path.of("target", "crash-it-a.log"), a.output());
            }
            List<String> enriched = ReadLedger.enrichedReadIds(KAFKA.bootstrapServers(), topics);
            List<String> dead = ReadLedger.deadReadIds(KAFKA.bootstrapServers(), topics);
            assertThat(enriched).as("enriched events (exactly once)").doesNotHaveDuplicates()
                    .hasSize(ledger.expectedEnriched().size());
            assertThat(new HashSet<>(enriched)).isEqualTo(ledger.expectedEnriched());
            assertThat(dead).as("dead letters (exactly once)").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ledger.expectedDead());
            assertThat(ledger.total() - enriched.size() - dead.size()).as("suppressed duplicates")
                    .isEqualTo(ledger.expectedSuppressed());
        }
    }

    private static AlprProcess streams(EmbeddedSchemaRegistry registry, Path stateDir, int port) {
        return AlprProcess.start("streams", "--bootstrap-servers", KAFKA.bootstrapServers(), "--registry-url",
                registry.url(), "--state-dir", stateDir.toString(), "--application-id", "alpr-crash-it",
                "--standby-replicas", "1", "--api-bind", "127.0.0.1", "--api-port", Integer.toString(port),
                "--advertised-host", "127.0.0.1", "--api-keys", "it:investigator:" + KEY);
    }

    /** The query API of one instance. */
    private record Http(int port, HttpClient client) {

        Http(int port) {
            this(port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        }

        /** Status of a latest-sighting lookup; -1 when the instance did not answer at all. */
        int status(String plate) {
            try {
                HttpResponse<String> response = client.send(request("/api/v1/plates/" + plate
                        + "/latest?purpose=crash%20test"), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
                    return -503;
                }
                return response.statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        String instances() throws Exception {
            return client.send(request("/api/v1/instances"), HttpResponse.BodyHandlers.ofString()).body();
        }

        private HttpRequest request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20)).header("X-API-Key", KEY).build();
        }
    }

    private static void run(String... args) {
        StringWriter out = new StringWriter();
        int exit = AlprCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute(args);
        assertThat(exit).as(out.toString()).isZero();
    }
}
