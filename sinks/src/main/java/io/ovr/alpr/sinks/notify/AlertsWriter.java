package io.ovr.alpr.sinks.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.serdes.SchemaRegistryUnavailableException;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.sinks.core.BatchWriter;
import io.ovr.alpr.sinks.core.Rejected;
import io.ovr.alpr.sinks.core.TargetUnavailableException;
import io.ovr.alpr.sinks.core.WriteResult;
import io.ovr.alpr.sinks.sql.Database;
import io.ovr.alpr.sinks.sql.dao.AlertDeliveryDao;
import io.ovr.alpr.sinks.sql.dao.DeliveryRow;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts sink's writer: delivers each alert of {@code alpr.alerts} on every configured
 * channel it qualifies for, at the channel's rate, retrying failed attempts with a doubling
 * backoff. Every attempt is a row of {@code alert_deliveries}; an alert already DELIVERED on a
 * channel is not sent there again (replays, restarts). After the last failed attempt the
 * alert is marked DEAD_LETTERED and goes to the dead-letter topic. Delivery is at least once: a
 * crash between a receiver's answer and its row can repeat one message, which receivers can
 * recognise by the alert id they get with every message.
 */
public final class AlertsWriter implements BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsWriter.class);

    private final Database database;
    private final Deserializer<Alert> alerts;
    private final List<Channel> channels = new ArrayList<>();
    private final Clock clock;

    public AlertsWriter(List<ChannelConfig> configs, Database database, AlprTopics topics, MeterRegistry registry,
                        Clock clock) {
        this.database = database;
        this.alerts = topics.alerts().valueSerde().deserializer();
        this.clock = clock;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (ChannelConfig c : configs) {
            Notifier notifier = c.type() == ChannelType.EMAIL ? new EmailNotifier(c) : new HttpNotifier(c, http, clock);
            channels.add(new Channel(c, notifier, new RateLimiter(c.rateLimit(), c.ratePer()), registry));
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("the alerts sink needs at least one channel");
        }
    }

    public static List<String> topics() {
        return List.of(AlprTopics.ALERTS);
    }

    @Override
    public WriteResult write(List<ConsumerRecord<byte[], byte[]>> batch) {
        List<Rejected> rejected = new ArrayList<>();
        Map<String, ConsumerRecord<byte[], byte[]>> records = new LinkedHashMap<>();
        Map<String, Alert> decoded = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            if (r.value() == null) {
                continue;
            }
            try {
                Alert alert = alerts.deserialize(r.topic(), r.value());
                UUID.fromString(alert.getAlertId());
                decoded.putIfAbsent(alert.getAlertId(), alert);
                records.putIfAbsent(alert.getAlertId(), r);
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejected(r, Rejected.INVALID_RECORD, "alert_id is not a UUID: " + e.getMessage()));
            } catch (SchemaRegistryUnavailableException e) {
                throw new TargetUnavailableException(e.getMessage(), e);
            } catch (RuntimeException e) {
                rejected.add(new Rejected(r, Rejected.DESERIALIZATION_ERROR, e.getMessage()));
            }
        }
        int delivered = 0;
        AlertDeliveryDao deliveries = database.jdbi().onDemand(AlertDeliveryDao.class);
        for (Map.Entry<String, Alert> e : decoded.entrySet()) {
            AlertMessage message = AlertMessage.of(e.getValue());
            List<String> failures = new ArrayList<>();
            for (Channel channel : channels) {
                if (message.priority() < channel.config.minPriority()) {
                    continue;
                }
                Optional<String> error = deliver(channel, message, deliveries);
                if (error.isPresent()) {
                    failures.add(channel.config.name() + ": " + error.get());
                } else {
                    delivered++;
                }
            }
            if (!failures.isEmpty()) {
                rejected.add(new Rejected(records.get(e.getKey()), Rejected.DELIVERY_FAILED,
                        String.join("; ", failures)));
            }
        }
        return new WriteResult(delivered, rejected);
    }

    /** Delivers on one channel with retries; empty when delivered (now or before), else why it was given up. */
    private Optional<String> deliver(Channel channel, AlertMessage message, AlertDeliveryDao deliveries) {
        UUID alertId = UUID.fromString(message.alertId());
        String name = channel.config.name();
        try {
            Optional<String> done = deliveries.finalOutcome(alertId, name);
            if (done.isPresent()) {
                return "DELIVERED".equals(done.get()) ? Optional.empty() : Optional.of("given up earlier");
            }
            int attempt = deliveries.attempts(alertId, name);
            Duration backoff = channel.config.backoff();
            String lastError = "no attempt";
            while (attempt < channel.config.maxAttempts()) {
                attempt++;
                channel.limiter.acquire();
                long start = System.nanoTime();
                try {
                    int status = channel.notifier.deliver(message);
                    record(deliveries, alertId, name, attempt, "DELIVERED", status, null, start);
                    channel.delivered.increment();
                    return Optional.empty();
                } catch (DeliveryException failure) {
                    lastError = failure.getMessage();
                    record(deliveries, alertId, name, attempt, "FAILED", failure.status(), lastError, start);
                    channel.failed.increment();
                    LOG.info("alert {} on {}: attempt {} of {} failed: {}", alertId, name, attempt,
                            channel.config.maxAttempts(), lastError);
                    if (!failure.retryable()) {
                        break;
                    }
                    if (attempt < channel.config.maxAttempts()) {
                        Thread.sleep(backoff.toMillis());
                        backoff = backoff.multipliedBy(2);
                    }
                }
            }
            record(deliveries, alertId, name, attempt, "DEAD_LETTERED", null, lastError, System.nanoTime());
            channel.deadLettered.increment();
            LOG.warn("alert {} given up on channel {} after {} attempts: {}", alertId, name, attempt, lastError);
            return Optional.of(lastError);
        } catch (JdbiException e) {
            throw new TargetUnavailableException("alert_deliveries: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetUnavailableException("interrupted while delivering " + alertId, e);
        }
    }

    private void record(AlertDeliveryDao deliveries, UUID alertId, String channel, int attempt, String outcome,
                        Integer status, String error, long startNanos) {
        int latency = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000);
        deliveries.insert(new DeliveryRow(alertId, channel, attempt, outcome, status,
                error == null ? null : error.substring(0, Math.min(error.length(), 1_000)), latency, clock.instant()));
    }

    private static final class Channel {
        final ChannelConfig config;
        final Notifier notifier;
        final RateLimiter limiter;
        final Counter delivered;
        final Counter failed;
        final Counter deadLettered;

        Channel(ChannelConfig config, Notifier notifier, RateLimiter limiter, MeterRegistry registry) {
            this.config = config;
            this.notifier = notifier;
            this.limiter = limiter;
            String type = config.type().name().toLowerCase(Locale.ROOT);
            delivered = counter(registry, config.name(), type, "delivered");
            failed = counter(registry, config.name(), type, "failed");
            deadLettered = counter(registry, config.name(), type, "dead_lettered");
        }

        private static Counter counter(MeterRegistry registry, String channel, String type, String outcome) {
            return Counter.builder("alpr.notifier.deliveries").tag("channel", channel).tag("type", type)
                    .tag("outcome", outcome).description("alert delivery attempts by outcome").register(registry);
        }
    }
}
