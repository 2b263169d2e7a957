package io.ovr.alpr.serdes.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a Schema Registry.
 *
 * @param url base URL, e.g. {@code http://127.0.0.1:8081}
 * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, or empty
 * @param timeout per-request timeout
 * @param maxRetries retries after a connection failure or a 5xx answer
 * @param initialBackoff first backoff; doubles on each retry
 */
public record RegistryClientConfig(
        URI url, Optional<String> basicAuthUserInfo, Duration timeout, int maxRetries, Duration initialBackoff) {

    public RegistryClientConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(basicAuthUserInfo, "basicAuthUserInfo");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    /** Defaults: 10 s timeout, 5 retries starting at 200 ms. */
    public static RegistryClientConfig of(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return new RegistryClientConfig(URI.create(trimmed), Optional.empty(), Duration.ofSeconds(10), 5,
                Duration.ofMillis(200));
    }

    public RegistryClientConfig withBasicAuth(String userInfo) {
        return new RegistryClientConfig(url, Optional.ofNullable(userInfo).filter(s -> !s.isBlank()), timeout,
                maxRetries, initialBackoff);
    }

    public RegistryClientConfig withRetries(int retries, Duration backoff) {
        return new RegistryClientConfig(url, basicAuthUserInfo, timeout, retries, backoff);
    }
}
