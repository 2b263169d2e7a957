package io.ovr.alpr.cli.options;

import io.ovr.alpr.api.ApiConfig;
import io.ovr.alpr.api.auth.ApiKeys;
import io.ovr.alpr.cli.DurationConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import picocli.CommandLine.Option;

/** The query API of a streams instance: where it listens, how the other instances reach it, its keys. */
public final class ApiOptions {

    @Option(names = "--api-port", defaultValue = "${env:ALPR_API_PORT:-8000}",
            description = "Port of the query API (env ALPR_API_PORT, default ${DEFAULT-VALUE}).")
    public int port;

    @Option(names = "--api-bind", defaultValue = "${env:ALPR_API_BIND:-0.0.0.0}",
            description = "Interface the API listens on (env ALPR_API_BIND, default ${DEFAULT-VALUE}).")
    public String bind;

    @Option(names = "--advertised-host", defaultValue = "${env:ALPR_ADVERTISED_HOST:-localhost}",
            description = "Host name under which the other instances reach this one; advertised with the API port"
                    + " as application.server (env ALPR_ADVERTISED_HOST, default ${DEFAULT-VALUE}).")
    public String advertisedHost;

    @Option(names = "--api-keys", paramLabel = "NAME:ROLE:sha256:HEX,...", defaultValue = "${env:ALPR_API_KEYS}",
            description = "API keys: name:role:sha256:HEX (hash of the key, see `alpr admin apikey create`) or"
                    + " name:role:KEY; roles viewer, investigator, admin (env ALPR_API_KEYS).")
    public String keys;

    @Option(names = "--api-keys-file", defaultValue = "${env:ALPR_API_KEYS_FILE}",
            description = "File with one API key entry per line, added to --api-keys (env ALPR_API_KEYS_FILE).")
    public Path keysFile;

    @Option(names = "--peer-timeout", converter = DurationConverter.class,
            defaultValue = "${env:ALPR_PEER_TIMEOUT:-2s}",
            description = "How long a query forwarded to another instance may take before a standby is asked (env"
                    + " ALPR_PEER_TIMEOUT, default ${DEFAULT-VALUE}).")
    public Duration peerTimeout;

    /** {@code host:port} for the streams {@code application.server}. */
    public String applicationServer() {
        return advertisedHost + ":" + port;
    }

    public ApiConfig config() throws IOException {
        String spec = keys == null ? "" : keys;
        if (keysFile != null) {
            spec = spec + "\n" + Files.readString(keysFile);
        }
        return new ApiConfig(bind, new HostInfo(advertisedHost, port), ApiKeys.parse(spec), peerTimeout,
                Clock.systemUTC());
    }
}
