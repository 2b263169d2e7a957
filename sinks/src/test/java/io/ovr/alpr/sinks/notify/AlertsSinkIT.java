package io.ovr.alpr.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ovr.alpr.devstack.KafkaBrokerExtension;
import io.ovr.alpr.devstack.PostgresExtension;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.DeadLetterHeaders;
import io.ovr.alpr.sinks.SinkFixtures;
import io.ovr.alpr.sinks.core.Rejected;
import io.ovr.alpr.sinks.core.SinkRunner;
import io.ovr.alpr.sinks.sql.Database;
import io.ovr.alpr.sinks.sql.DatabaseConfig;
import io.ovr.alpr.sinks.sql.Migrations;
import io.ovr.alpr.sinks.sql.SinkProgress;
import io.ovr.alpr.sinks.sql.dao.AlertDeliveryDao;
import io.ovr.alpr.sinks.sql.dao.DeliveryRow;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alerts sink against real receivers: a local HTTP server for webhooks and Slack, GreenMail
 * for SMTP, a real broker and PostgreSQL for {@code alert_deliveries}.
 */
@Tag("integration")
class AlertsSinkIT {

    @RegisterExtension
    static final KafkaBrokerExtension BROKER = new KafkaBrokerExtension();
    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.machineOrEmbedded();

    private static final String SECRET = "test-only-hmac-key";
    private static SinkFixtures fixtures;
    private static Database database;
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final List<SinkRunner> sinks = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void setUp() {
        fixtures = new SinkFixtures(BROKER);
        fixtures.createTopics();
        database = Database.connect(DatabaseConfig.of(POSTGRES.jdbcUrl()), "alerts-test");
        new Migrations(database.dataSource(), database.config()).migrate();
    }

    @AfterAll
    static void tearDown() {
        database.close();
        fixtures.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void freshAlertsTopic() {
        fixtures.recreate(AlprTopics.ALERTS);
    }

    @AfterEach
    void close() {
        sinks.forEach(SinkRunner::close);
        receiver.close();
    }

    /** Alerts with plates unique to this test, so each test reads only its own on the shared topic. */
    private static List<Alert> alerts(int n) {
        String run = Long.toString(System.nanoTime() % 100_000);
        return IntStream.range(0, n).mapToObj(i -> SinkFixtures.alert(SinkFixtures.event(UUID.randomUUID().toString(),
                "P" + run + i, Instant.parse("2026-11-24T10:00:00Z"), 1, 0.9f), "hotlist")).toList();
    }

    private SinkRunner start(String group, List<ChannelConfig> channels) {
        SinkRunner sink = AlertsSink.create(AlertsSink.config(fixtures.bootstrap(), group), channels, database,
                fixtures.topics(), registry).start();
        sinks.add(sink);
        return sink;
    }

    private ChannelConfig webhook(String path) {
        return ChannelConfig.webhook("hook" + path.replace('/', '-'), receiver.url(path), SECRET)
                .withRetries(3, Duration.ofMillis(100)).withTimeout(Duration.ofMillis(800));
    }

    private static List<DeliveryRow> deliveries(Alert alert) {
        return database.jdbi().onDemand(AlertDeliveryDao.class).forAlert(UUID.fromString(alert.getAlertId()));
    }

    @Test
    void shouldPostTheAlertSignedWithHmacSha256AndRecordTheAttempt() {
        Alert alert = alerts(1).get(0);
        fixtures.sendAlerts(List.of(alert));
        start("signed-" + UUID.randomUUID(), List.of(webhook("/signed")));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/signed").size() == 1);
        WebhookReceiver.Received got = receiver.received("/signed").get(0);

        String expected = "sha256=" + HttpNotifier.sign(SECRET, got.header("X-Alpr-Timestamp") + "." + got.body());
        assertThat(got.header("X-Alpr-Signature")).isEqualTo(expected);
        assertThat(HttpNotifier.sign("another key", got.header("X-Alpr-Timestamp") + "." + got.body()))
                .isNotEqualTo(expected.substring("sha256=".length()));
        assertThat(got.header("X-Alpr-Alert-Id")).isEqualTo(alert.getAlertId());
        assertThat(got.body()).contains("\"plate\":\"" + alert.getPlate() + "\"", "\"event\":{");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(alert).size() == 1);
        assertThat(deliveries(alert)).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("DELIVERED");
            assertThat(d.statusCode()).isEqualTo(200);
        });
    }

    @Test
    void shouldRetryATimeoutAndServerErrorsWithBackoffUntilDelivered() {
        Alert alert = alerts(1).get(0);
        receiver.plan("/flaky", new WebhookReceiver.Answer(200, 2_000), new WebhookReceiver.Answer(503, 0));
        fixtures.sendAlerts(List.of(alert));
        start("flaky-" + UUID.randomUUID(), List.of(webhook("/flaky")));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(alert).stream()
                .anyMatch(d -> d.outcome().equals("DELIVERED")));

        List<WebhookReceiver.Received> got = receiver.received("/flaky");
        assertThat(deliveries(alert)).extracting(DeliveryRow::attempt, DeliveryRow::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "FAILED"), org.assertj.core.groups.Tuple.tuple(2, "FAILED"),
                org.assertj.core.groups.Tuple.tuple(3, "DELIVERED"));
        assertThat(deliveries(alert).get(0).error()).contains("timed out");
        assertThat(deliveries(alert).get(1).statusCode()).isEqualTo(503);
        assertThat(got).hasSize(3);
        // the second retry waited at least twice the first backoff (100 ms, then 200 ms)
        assertThat(got.get(2).atNanos() - got.get(1).atNanos()).isGreaterThanOrEqualTo(200_000_000L);
    }

    @Test
    void shouldSendTheAlertToTheDeadLetterTopicAfterTheLastRetry() {
        Alert alert = alerts(1).get(0);
        receiver.plan("/down", new WebhookReceiver.Answer(500, 0), new WebhookReceiver.Answer(500, 0),
                new WebhookReceiver.Answer(502, 0), new WebhookReceiver.Answer(200, 0));
        fixtures.sendAlerts(List.of(alert));
        String group = "down-" + UUID.randomUUID();
        start(group, List.of(webhook("/down")));

        await().atMost(Duration.ofSeconds(30)).until(() -> SinkProgress.caughtUp(fixtures.bootstrap(), group,
                AlprTopics.ALERTS));

        assertThat(deliveries(alert)).extracting(DeliveryRow::outcome)
                .containsExactly("FAILED", "FAILED", "FAILED", "DEAD_LETTERED");
        assertThat(receiver.received("/down")).hasSize(3);
        List<ConsumerRecord<byte[], byte[]>> dlq = fixtures.readAll(AlprTopics.DLQ, 1).stream()
                .filter(r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(alert.getPlate()))
                .toList();
        assertThat(dlq).singleElement().satisfies(r -> {
            assertThat(DeadLetterHeaders.value(r.headers(), AlprTopics.REJECT_REASON_HEADER))
                    .isEqualTo(Rejected.DELIVERY_FAILED);
            assertThat(DeadLetterHeaders.value(r.headers(), AlprTopics.REJECT_DETAIL_HEADER))
                    .contains("hook-down", "HTTP 502");
        });
        assertThat(registry.counter("alpr.notifier.deliveries", "channel", "hook-down", "type", "webhook",
                "outcome", "dead_lettered").count()).isEqualTo(1.0);
    }

    @Test
    void shouldHoldEachChannelToItsRateLimitAndStillDeliverEverything() {
        List<Alert> burst = alerts(6);
        fixtures.sendAlerts(burst);
        start("rate-" + UUID.randomUUID(), List.of(webhook("/rate").withRateLimit(2, Duration.ofSeconds(1))));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/rate").size() == 6);

        List<WebhookReceiver.Received> got = receiver.received("/rate");
        // a bucket of 2 refilled at 2/s: any k + 1 deliveries span at least (k + 1 - 2) / 2 s
        assertThat(got.get(5).atNanos() - got.get(0).atNanos()).isGreaterThanOrEqualTo(1_950_000_000L);
        for (int i = 2; i < 6; i++) {
            assertThat(got.get(i).atNanos() - got.get(i - 2).atNanos()).isGreaterThanOrEqualTo(450_000_000L);
        }
    }

    @Test
    void shouldNotNotifyAgainWhenTheSameAlertIsReplayed() {
        Alert alert = alerts(1).get(0);
        fixtures.sendAlerts(List.of(alert, alert));
        String group = "replay-" + UUID.randomUUID();
        start(group, List.of(webhook("/once")));
        await().atMost(Duration.ofSeconds(30)).until(() -> SinkProgress.caughtUp(fixtures.bootstrap(), group,
                AlprTopics.ALERTS));
        String again = "replay-again-" + UUID.randomUUID();
        start(again, List.of(webhook("/once")));
        await().atMost(Duration.ofSeconds(30)).until(() -> SinkProgress.caughtUp(fixtures.bootstrap(), again,
                AlprTopics.ALERTS));

        assertThat(receiver.received("/once")).filteredOn(r -> alert.getAlertId().equals(r.header("X-Alpr-Alert-Id")))
                .hasSize(1);
        assertThat(deliveries(alert)).extracting(DeliveryRow::outcome).containsExactly("DELIVERED");
    }

    @Test
    void shouldPostToSlackAndMailOverSmtpWithThePasswordFromTheEnvironment() throws Exception {
        int smtpPort = freePort();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.setUser("duty@example.org", "alpr", "smtp-test-password");
        mail.start();
        try {
            String yaml = """
                    channels:
                      - name: slack
                        type: slack
                        url-env: SLACK_URL
                      - name: duty-mail
                        type: email
                        smtp-host: 127.0.0.1
                        smtp-port: %d
                        from: alpr@example.org
                        to: [duty@example.org]
                        username: alpr
                        password-env: SMTP_PASSWORD
                        timeout: 5s
                    """.formatted(smtpPort);
            Map<String, String> env = Map.of("SLACK_URL", receiver.url("/slack"), "SMTP_PASSWORD",
                    "smtp-test-password");
            List<ChannelConfig> channels = ChannelsFile.read(new ByteArrayInputStream(
                    yaml.getBytes(StandardCharsets.UTF_8)), env::get);
            Alert alert = alerts(1).get(0);
            fixtures.sendAlerts(List.of(alert));
            start("slack-mail-" + UUID.randomUUID(), channels);

            assertThat(mail.waitForIncomingEmail(30_000, 1)).isTrue();
            MimeMessage message = mail.getReceivedMessages()[0];
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/slack").size() == 1);

            assertThat(message.getSubject()).isEqualTo("[ALPR] HOTLIST " + alert.getPlate() + " at "
                    + alert.getCameraId());
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("duty@example.org");
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(message)).contains(alert.getPlate());
            assertThat(receiver.received("/slack").get(0).body()).startsWith("{\"text\":\":rotating_light: HOTLIST")
                    .contains(alert.getPlate());
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(alert).size() == 2);
            assertThat(deliveries(alert)).extracting(DeliveryRow::channel, DeliveryRow::outcome).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("duty-mail", "DELIVERED"),
                    org.assertj.core.groups.Tuple.tuple("slack", "DELIVERED"));
        } finally {
            mail.stop();
        }
    }

    @Test
    void shouldRefuseSecretsWrittenIntoTheChannelsFile() {
        String yaml = """
                channels:
                  - name: hook
                    type: webhook
                    url: http://127.0.0.1:1/x
                    secret: do-not-commit-me
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChannelsFile.read(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), k -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret-env");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
