package io.ovr.alpr.cli.options;

import io.ovr.alpr.cli.DurationConverter;
import io.ovr.alpr.processors.rules.RuleSet;
import io.ovr.alpr.topology.TopologyConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** What the topology is built from: validation limits, pass window, hotlist distance, rules. */
public final class TopologyOptions {

    @Option(names = "--min-confidence", defaultValue = "${env:ALPR_MIN_CONFIDENCE:-0.5}",
            description = "Reads below this confidence go to the DLQ (env ALPR_MIN_CONFIDENCE, default ${DEFAULT-VALUE}).")
    float minConfidence;

    @Option(names = "--pass-window", converter = DurationConverter.class,
            defaultValue = "${env:ALPR_PASS_WINDOW:-10s}",
            description = "Gap that ends a vehicle pass, unless the camera sets its own (env ALPR_PASS_WINDOW,"
                    + " default ${DEFAULT-VALUE}).")
    Duration passWindow;

    @Option(names = "--max-lateness", converter = DurationConverter.class,
            defaultValue = "${env:ALPR_MAX_LATENESS:-7d}",
            description = "Reads older than this go to the DLQ (env ALPR_MAX_LATENESS, default ${DEFAULT-VALUE}).")
    Duration maxLateness;

    @Option(names = "--hotlist-distance", defaultValue = "${env:ALPR_HOTLIST_DISTANCE:-1}",
            description = "Edit distance 0-2 for fuzzy hotlist matches (env ALPR_HOTLIST_DISTANCE, default"
                    + " ${DEFAULT-VALUE}).")
    int hotlistDistance;

    @Option(names = "--rules-file", defaultValue = "${env:ALPR_RULES_FILE}",
            description = "Alert rules YAML (env ALPR_RULES_FILE); none when absent.")
    Path rulesFile;

    public TopologyConfig config() throws IOException {
        TopologyConfig base = TopologyConfig.defaults();
        RuleSet rules = RuleSet.empty();
        if (rulesFile != null) {
            try (InputStream in = Files.newInputStream(rulesFile)) {
                rules = RuleSet.fromYaml(in);
            }
        }
        return new TopologyConfig(base.validation().withMinConfidence(minConfidence).withMaxLateness(maxLateness),
                passWindow, hotlistDistance, rules, base.passesRetention(), base.countsRetention(),
                base.alertsRetention(), base.clock(), base.eventIds());
    }
}
