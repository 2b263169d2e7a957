package io.ovr.alpr.api;

import io.ovr.alpr.api.auth.ApiKeys;
import java.time.Clock;
import java.time.Duration;
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
 */
public record ApiConfig(String bindHost, HostInfo advertised, ApiKeys keys, Duration peerTimeout, Clock clock) {

    public static ApiConfig of(String bindHost, HostInfo advertised, ApiKeys keys) {
        return new ApiConfig(bindHost, advertised, keys, Duration.ofSeconds(2), Clock.systemUTC());
    }

    public String advertisedName() {
        return advertised.host() + ":" + advertised.port();
    }
}
