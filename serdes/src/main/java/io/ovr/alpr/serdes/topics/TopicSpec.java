package io.ovr.alpr.serdes.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a topic is created: partitions, replication, cleanup policy and retention.
 *
 * @param retention how long records are kept; empty keeps them forever (compacted topics)
 */
public record TopicSpec(String name, int partitions, short replicationFactor, boolean compacted,
                        Optional<Duration> retention) {

    /** The topic-level configs that {@code alpr admin topics create} sets. */
    public Map<String, String> configs() {
        Map<String, String> configs = new HashMap<>();
        configs.put("cleanup.policy", compacted ? "compact" : "delete");
        configs.put("retention.ms", retention.map(d -> Long.toString(d.toMillis())).orElse("-1"));
        if (compacted) {
            configs.put("min.compaction.lag.ms", "0");
        }
        return configs;
    }
}
