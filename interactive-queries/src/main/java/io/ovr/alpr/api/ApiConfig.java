package io.ovr.alpr.api;

import io.ovr.alpr.api.auth.ApiKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * How the API runs.
 *
 * @param bindHost the interface to listen on ({@code 0.0.0.0} for all)
 * @param advertised this instance as the others reach it; its port is the listening port, and
 *     {@code host:port} must equal the streams {@code application.server}
 * @param keys the API keys (hashed)
 * @param peerTimeout how long a forwarded query may take before a standby is asked instead
 * @param clock the time source for defaults, audit entries and written records
 * @param maxStandbyLag the most records a standby (or restoring) store partition may lag its
 *     changelog and still answer; negative for no bound
 * @param imageLinkValidity how long a presigned image URL stays valid
 * @param peerSecret the key that signs requests between instances; empty derives one from the API
 *     key configuration, which every instance shares
 */
public record ApiConfig(String bindHost, HostInfo advertised, ApiKeys keys, Duration peerTimeout, Clock clock,
                        long maxStandbyLag, Duration imageLinkValidity, Optional<String> peerSecret) {

    public static final long DEFAULT_MAX_STANDBY_LAG = 10_000;
    public static final Duration DEFAULT_IMAGE_LINK_VALIDITY = Duration.ofMinutes(5);

    public ApiConfig {
        Objects.requireNonNull(peerSecret, "peerSecret");
        if (imageLinkValidity.isZero() || imageLinkValidity.isNegative()
                || imageLinkValidity.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("image link validity must be in (0, 7 days], was " + imageLinkValidity);
        }
    }

    public static ApiConfig of(String bindHost, HostInfo advertised, ApiKeys keys) {
        return new ApiConfig(bindHost, advertised, keys, Duration.ofSeconds(2), Clock.systemUTC(),
                DEFAULT_MAX_STANDBY_LAG, DEFAULT_IMAGE_LINK_VALIDITY, Optional.empty());
    }

    public ApiConfig withClock(Clock value) {
        return new ApiConfig(bindHost, advertised, keys, peerTimeout, value, maxStandbyLag, imageLinkValidity,
                peerSecret);
    }

    public String advertisedName() {
        return advertised.host() + ":" + advertised.port();
    }
}
