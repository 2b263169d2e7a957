package io.ovr.alpr.sinks.notify;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One notifier channel. Secrets (the webhook's HMAC key, the SMTP password, a Slack URL that
 * embeds its token) are never part of the configuration file: they are resolved from environment
 * variables or options, named by {@code secretEnv}, {@code passwordEnv} and {@code urlEnv}.
 *
 * @param url the webhook or Slack URL (or null when {@code urlEnv} names it)
 * @param secret HMAC-SHA256 key of a webhook (resolved, never from the file)
 * @param password SMTP password (resolved, never from the file)
 * @param maxAttempts attempts per alert before it goes to the dead-letter topic
 * @param backoff wait after the first failed attempt; doubles after each
 * @param rateLimit at most this many deliveries per {@code ratePer}
 * @param minPriority alerts below this priority are not sent on this channel
 */
public record ChannelConfig(String name, ChannelType type, String url, String secret, Duration timeout,
                            int maxAttempts, Duration backoff, int rateLimit, Duration ratePer, int minPriority,
                            String smtpHost, int smtpPort, boolean startTls, String from, List<String> to,
                            String username, String password) {

    public ChannelConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        to = to == null ? List.of() : List.copyOf(to);
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("channel name must be 1-64 of A-Z a-z 0-9 _ . -: " + name);
        }
        if (maxAttempts < 1 || rateLimit < 1 || ratePer.isNegative() || ratePer.isZero() || timeout.isNegative()
                || timeout.isZero()) {
            throw new IllegalArgumentException("channel " + name + ": attempts, rate and timeout must be positive");
        }
        if (type != ChannelType.EMAIL && (url == null || !(url.startsWith("http://") || url.startsWith("https://")))) {
            throw new IllegalArgumentException("channel " + name + " needs an http(s) url");
        }
        if (type == ChannelType.EMAIL && (smtpHost == null || from == null || to.isEmpty())) {
            throw new IllegalArgumentException("channel " + name + " needs smtp-host, from and to");
        }
    }

    /** A webhook channel with defaults: 5 s timeout, 4 attempts from 500 ms, 60 per minute. */
    public static ChannelConfig webhook(String name, String url, String secret) {
        return new ChannelConfig(name, ChannelType.WEBHOOK, url, secret, Duration.ofSeconds(5), 4,
                Duration.ofMillis(500), 60, Duration.ofMinutes(1), 0, null, 0, false, null, List.of(), null, null);
    }

    public ChannelConfig withRetries(int attempts, Duration firstBackoff) {
        return new ChannelConfig(name, type, url, secret, timeout, attempts, firstBackoff, rateLimit, ratePer,
                minPriority, smtpHost, smtpPort, startTls, from, to, username, password);
    }

    public ChannelConfig withTimeout(Duration value) {
        return new ChannelConfig(name, type, url, secret, value, maxAttempts, backoff, rateLimit, ratePer,
                minPriority, smtpHost, smtpPort, startTls, from, to, username, password);
    }

    public ChannelConfig withRateLimit(int count, Duration per) {
        return new ChannelConfig(name, type, url, secret, timeout, maxAttempts, backoff, count, per, minPriority,
                smtpHost, smtpPort, startTls, from, to, username, password);
    }

    @Override
    public String toString() {
        return "ChannelConfig[" + name + " " + type + (url == null ? "" : " " + url.replaceAll("\\?.*", "?..."))
                + ", attempts=" + maxAttempts + ", rate=" + rateLimit + "/" + ratePer + "]";
    }
}
