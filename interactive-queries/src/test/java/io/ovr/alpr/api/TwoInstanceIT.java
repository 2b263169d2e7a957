package io.ovr.alpr.api;

import static io.ovr.alpr.api.ApiNode.INVESTIGATOR_KEY;
import static io.ovr.alpr.api.ApiNode.VIEWER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.schema.PlateRead;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Two streams instances of the real topology (same application id, own state directories and API
 * ports, one standby replica) share four partitions: every plate is answered correctly by both,
 * forwarded over HTTP to the owner where needed, and when one instance stops the other keeps
 * answering, first from its standby replicas (marked stale), then as the new owner; never a 500.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstanceIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final int PLATES = 24;
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
    private static final String PURPOSE = "purpose=two-instance%20test";
    private static final Http HTTP = new Http();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Cluster cluster;
    private static ApiNode a;
    private static ApiNode b;
    private static final Map<String, String> CAMERA_OF = new HashMap<>();
    private static final Map<String, String> OWNER = new HashMap<>();

    @BeforeAll
    static void startTwoInstancesAndLoad() throws Exception {
        cluster = new Cluster(KAFKA.bootstrapServers(), 4);
        a = ApiNode.start(cluster.bootstrap, cluster.topics, Files.createTempDirectory("alpr-api-a-"), 1);
        b = ApiNode.start(cluster.bootstrap, cluster.topics, Files.createTempDirectory("alpr-api-b-"), 1);
        await("both running with active and standby tasks each").atMost(Duration.ofSeconds(90)).until(() ->
                a.runner.state() == KafkaStreams.State.RUNNING && b.runner.state() == KafkaStreams.State.RUNNING
                        && balanced(HTTP.get(a.url("/api/v1/instances"), VIEWER_KEY).json().path("instances")));
        List<PlateRead> reads = new ArrayList<>();
        for (int i = 0; i < PLATES; i++) {
            String plate = String.format("TW%03dO", i);
            String camera = "cam-" + (i % 5);
            CAMERA_OF.put(plate, camera);
            reads.add(Cluster.read(camera, plate, T0.plusSeconds(i)));
        }
        cluster.produce(reads);
        await("every plate in the stores").atMost(Duration.ofSeconds(60)).until(() -> CAMERA_OF.keySet().stream()
                .allMatch(plate -> latest(a, plate).status() == 200));
    }

    @AfterAll
    static void stop() {
        for (ApiNode node : new ApiNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void shouldAnswerEveryPlateCorrectlyFromBothInstancesForwardingToTheOwner() {
        Map<ApiNode, Set<String>> servedBy = new HashMap<>();
        for (String plate : CAMERA_OF.keySet()) {
            for (ApiNode node : List.of(a, b)) {
                Http.Reply reply = latest(node, plate);
                assertThat(reply.status()).as(plate + " from " + node.name()).isEqualTo(200);
                JsonNode body = reply.json();
                assertThat(body.path("event").path("normalized").asText()).isEqualTo(plate);
                assertThat(body.path("event").path("camera_id").asText()).isEqualTo(CAMERA_OF.get(plate));
                assertThat(body.path("stale").asBoolean()).isFalse();
                String owner = body.path("served_by").get(0).asText();
                servedBy.computeIfAbsent(node, n -> new HashSet<>()).add(owner);
                OWNER.merge(plate, owner, (first, second) -> {
                    assertThat(second).as("both instances route " + plate + " to one owner").isEqualTo(first);
                    return first;
                });
            }
        }
        assertThat(servedBy.get(a)).as("a answers some plates itself and forwards others")
                .containsExactlyInAnyOrder(a.name(), b.name());
        assertThat(servedBy.get(b)).containsExactlyInAnyOrder(a.name(), b.name());
        for (ApiNode node : List.of(a, b)) {
            JsonNode counts = counts(node).json();
            assertThat(counts.path("total_reads").asLong()).as("all-camera counts from " + node.name())
                    .isEqualTo(PLATES);
            assertThat(counts.path("served_by").size()).isEqualTo(2);
        }
    }

    @Test
    @Order(2)
    void shouldAuditAForwardedLookupAtBothInstancesUnderOneRequestId() throws Exception {
        String plate = OWNER.entrySet().stream().filter(e -> e.getValue().equals(b.name())).findFirst()
                .orElseThrow().getKey();
        Logger audit = (Logger) LoggerFactory.getLogger("alpr.audit");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        audit.addAppender(appender);
        try {
            Http.Reply reply = latest(a, plate);

            assertThat(appender.list).hasSize(2);
            Map<String, JsonNode> byInstance = new HashMap<>();
            for (ILoggingEvent event : appender.list) {
                JsonNode entry = MAPPER.readTree(event.getFormattedMessage());
                byInstance.put(entry.path("instance").asText(), entry);
                assertThat(entry.path("request_id").asText()).isEqualTo(reply.header("X-Request-Id"));
                assertThat(entry.path("subject").asText()).isEqualTo(plate);
                assertThat(entry.path("result_count").asInt()).isEqualTo(1);
            }
            assertThat(byInstance.get(a.name()).path("forwarded_by").isNull()).isTrue();
            assertThat(byInstance.get(b.name()).path("forwarded_by").asText()).isEqualTo(a.name());
            assertThat(byInstance.get(b.name()).path("client").asText()).isEqualTo("127.0.0.1 via " + a.name());
        } finally {
            audit.detachAppender(appender);
        }
    }

    @Test
    @Order(3)
    void shouldKeepAnsweringFromTheStandbyThenAsNewOwnerWhenOneInstanceStops() {
        List<String> ownedByB = OWNER.entrySet().stream().filter(e -> e.getValue().equals(b.name()))
                .map(Map.Entry::getKey).toList();
        assertThat(ownedByB).isNotEmpty();

        b.stopApi();
        await("a answers b's plates from its standby, marked stale").atMost(Duration.ofSeconds(30)).until(() ->
                ownedByB.stream().allMatch(plate -> {
                    JsonNode body = latest(a, plate).json();
                    return body.path("stale").asBoolean() && body.path("served_by").get(0).asText().equals(a.name())
                            && body.path("event").path("camera_id").asText().equals(CAMERA_OF.get(plate));
                }));
        Http.Reply staleCounts = counts(a);
        assertThat(staleCounts.status()).isEqualTo(200);
        assertThat(staleCounts.json().path("stale").asBoolean()).isTrue();
        assertThat(staleCounts.json().path("total_reads").asLong()).isEqualTo(PLATES);

        b.stopStreams();
        List<Integer> statuses = new ArrayList<>();
        List<String> missingRetryAfter = new ArrayList<>();
        await("a owns every partition and answers fresh").atMost(Duration.ofSeconds(90)).until(() -> {
            boolean allFresh = true;
            for (String plate : CAMERA_OF.keySet()) {
                Http.Reply reply = latest(a, plate);
                statuses.add(reply.status());
                if (reply.status() == 503 && reply.header("Retry-After") == null) {
                    missingRetryAfter.add(plate);
                }
                allFresh &= reply.status() == 200 && !reply.json().path("stale").asBoolean()
                        && reply.json().path("event").path("normalized").asText().equals(plate);
            }
            return allFresh;
        });
        assertThat(statuses).as("answers while b left").allMatch(s -> s == 200 || s == 503);
        assertThat(missingRetryAfter).isEmpty();
        assertThat(counts(a).json().path("total_reads").asLong()).isEqualTo(PLATES);
    }

    private static Http.Reply latest(ApiNode node, String plate) {
        return HTTP.get(node.url("/api/v1/plates/" + plate + "/latest?" + PURPOSE), INVESTIGATOR_KEY);
    }

    private static Http.Reply counts(ApiNode node) {
        return HTTP.get(node.url("/api/v1/counts?from=" + T0.minusSeconds(60) + "&to=" + T0.plusSeconds(600)),
                VIEWER_KEY);
    }

    private static boolean balanced(JsonNode instances) {
        if (instances.size() != 2) {
            return false;
        }
        for (JsonNode instance : instances) {
            if (!instance.path("active").toString().contains("alpr.plates.enriched")
                    || !instance.path("standby").toString().contains("alpr.plates.enriched")) {
                return false;
            }
        }
        return true;
    }
}
