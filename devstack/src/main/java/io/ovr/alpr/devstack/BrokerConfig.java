package io.ovr.alpr.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How an {@link EmbeddedKafkaBroker} runs.
 *
 * @param dataDir where the log lives; empty for a fresh temporary directory
 * @param port client port on 127.0.0.1; 0 for a free one
 * @param keepRecordsForever broker default {@code log.retention.ms=-1}, so records with old event
 *     times are not deleted (tests and replays)
 * @param overrides extra broker properties
 */
public record BrokerConfig(Optional<Path> dataDir, int port, int nodeId, boolean keepRecordsForever,
                           Map<String, String> overrides) {

    public BrokerConfig {
        overrides = Map.copyOf(overrides);
    }

    /** A temporary directory, a free port, records kept forever: what tests want. */
    public static BrokerConfig forTests() {
        return new BrokerConfig(Optional.empty(), 0, 1, true, Map.of());
    }

    public BrokerConfig withDataDir(Path dir) {
        return new BrokerConfig(Optional.of(dir), port, nodeId, keepRecordsForever, overrides);
    }

    public BrokerConfig withPort(int value) {
        return new BrokerConfig(dataDir, value, nodeId, keepRecordsForever, overrides);
    }

    public BrokerConfig withOverrides(Map<String, String> values) {
        return new BrokerConfig(dataDir, port, nodeId, keepRecordsForever, values);
    }
}
