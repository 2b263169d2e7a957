package io.ovr.alpr.sinks.sql.dao;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code alert_deliveries}: one attempt to deliver an alert on a channel.
 *
 * @param outcome DELIVERED, FAILED, RATE_LIMITED or DEAD_LETTERED
 * @param statusCode the HTTP or SMTP status when there was one
 */
public record DeliveryRow(UUID alertId, String channel, int attempt, String outcome, Integer statusCode, String error,
                          Integer latencyMs, Instant attemptedAt) {
}
