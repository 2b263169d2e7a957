package io.ovr.alpr.topology;

import io.ovr.alpr.processors.hotlist.HotlistIndex;
import io.ovr.alpr.processors.pass.PassLogic;
import io.ovr.alpr.processors.pass.PassStateSerde;
import io.ovr.alpr.processors.region.RegionInference;
import io.ovr.alpr.processors.streams.AlertProcessor;
import io.ovr.alpr.processors.streams.HotlistStoreUpdater;
import io.ovr.alpr.processors.streams.PassProcessor;
import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.processors.streams.RuleCooldownProcessor;
import io.ovr.alpr.processors.streams.ValidateProcessor;
import io.ovr.alpr.processors.validate.ReadValidator;
import io.ovr.alpr.processors.validate.Validation;
import io.ovr.alpr.schema.Alert;
import io.ovr.alpr.schema.PlateEvent;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.serdes.topics.TopicDescriptor;
import io.ovr.alpr.topology.stores.PlateStoresProcessor;
import io.ovr.alpr.topology.stores.QueryStores;
import io.ovr.alpr.topology.stores.RecentAlertsProcessor;
import io.ovr.alpr.topology.stores.ReusedBytesSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The one topology of OVR-ALPR, a pure function of its configuration:
 * <ol>
 * <li>reads ({@code alpr.detections.raw}, by camera) are validated (rejects to the DLQ through the
 * error policy), counted per camera per minute, grouped into vehicle passes and enriched from the
 * global camera table, and written to {@code alpr.plates.enriched} keyed by plate;</li>
 * <li>enriched events (by plate) update the plate query stores and raise hotlist alerts to
 * {@code alpr.alerts}, and rule hits, which are repartitioned by their cooldown key;</li>
 * <li>rule hits outside their cooldown become alerts on {@code alpr.alerts};</li>
 * <li>alerts update the recent-alerts store.</li>
 * </ol>
 * Every processor, store and internal topic is named.
 */
public final class AlprTopology {

    private AlprTopology() {
    }

    public static Topology build(TopologyConfig config, AlprTopics topics, PipelineCounters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        HotlistIndex hotlist = new HotlistIndex(config.hotlistMaxDistance());
        addGlobalTables(builder, topics, hotlist);
        KStream<String, Validation.Valid> valid = validReads(builder, config, topics, counters);
        countReadsPerCamera(valid, config);
        enrich(builder, valid, config, topics, counters);
        raiseAlerts(builder, config, topics, hotlist, counters);
        keepRecentAlerts(builder, config, topics);
        return builder.build();
    }

    private static void addGlobalTables(StreamsBuilder builder, AlprTopics topics, HotlistIndex hotlist) {
        builder.globalTable(topics.cameras().name(),
                Consumed.with(topics.cameras().keySerde(), topics.cameras().valueSerde()).withName("cameras-source"),
                Materialized.as(PassProcessor.CAMERA_STORE));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HotlistStoreUpdater.STORE),
                        Serdes.String(), topics.hotlist().valueSerdeForStores()).withLoggingDisabled(),
                topics.hotlist().name(),
                Consumed.with(topics.hotlist().keySerde(), topics.hotlist().valueSerde()).withName("hotlist-source"),
                () -> new HotlistStoreUpdater(hotlist));
    }

    private static KStream<String, Validation.Valid> validReads(StreamsBuilder builder, TopologyConfig config,
                                                                AlprTopics topics, PipelineCounters counters) {
        ReadValidator validator = new ReadValidator(config.validation(), config.clock());
        TopicDescriptor<String, ?> raw = topics.detectionsRaw();
        return builder.stream(raw.name(), Consumed.with(topics.detectionsRaw().keySerde(),
                        topics.detectionsRaw().valueSerde()).withName("reads-source"))
                .processValues(() -> new ValidateProcessor(validator, counters), Named.as(ValidateProcessor.NAME));
    }

    private static void countReadsPerCamera(KStream<String, Validation.Valid> valid, TopologyConfig config) {
        valid.groupByKey(Grouped.as("reads-by-camera"))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofMinutes(10)))
                .count(Named.as("count-reads-per-camera"),
                        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(QueryStores.CAMERA_COUNTS)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long())
                                .withRetention(config.countsRetention()));
    }

    private static void enrich(StreamsBuilder builder, KStream<String, Validation.Valid> valid, TopologyConfig config,
                               AlprTopics topics, PipelineCounters counters) {
        // a pass lives about one pass window and is deleted when it expires: memory, not RocksDB
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PassProcessor.STORE),
                Serdes.String(), new PassStateSerde()).withCachingEnabled());
        PassLogic logic = new PassLogic(config.eventIds());
        RegionInference regions = RegionInference.fromClasspath();
        valid.process(() -> new PassProcessor(logic, regions, config.passWindow(), config.clock(), counters),
                        Named.as(PassProcessor.NAME), PassProcessor.STORE)
                .to(topics.platesEnriched().name(), Produced.with(topics.platesEnriched().keySerde(),
                        topics.platesEnriched().valueSerde()).withName("enriched-sink"));
    }

    private static void raiseAlerts(StreamsBuilder builder, TopologyConfig config, AlprTopics topics,
                                    HotlistIndex hotlist, PipelineCounters counters) {
        TopicDescriptor<String, PlateEvent> enriched = topics.platesEnriched();
        ReusedBytesSerde<PlateEvent> events = new ReusedBytesSerde<>(enriched.valueSerde(), enriched.name());
        addPlateStores(builder, config, events);
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(AlertProcessor.DEDUPE_STORE,
                Duration.ofHours(6), Duration.ofMillis(1), false), Serdes.String(), Serdes.Long()));
        KStream<String, PlateEvent> stream = builder.stream(enriched.name(),
                Consumed.with(enriched.keySerde(), events).withName("enriched-source"));
        stream.process(PlateStoresProcessor::new, Named.as(PlateStoresProcessor.NAME), QueryStores.PLATE_LATEST,
                QueryStores.PLATE_PASSES);
        TopicDescriptor<String, Alert> alerts = topics.alerts();
        stream.process(() -> new AlertProcessor(hotlist, config.rules(), config.clock(), counters),
                        Named.as(AlertProcessor.NAME), AlertProcessor.DEDUPE_STORE)
                .split(Named.as("alerts-by-kind"))
                .branch((key, alert) -> AlertProcessor.RULE_KIND.equals(alert.getKind()),
                        Branched.withConsumer(hits -> holdRuleCooldowns(builder, hits, config, alerts, counters),
                                "-rule"))
                .defaultBranch(Branched.withConsumer(hotlistAlerts -> hotlistAlerts.to(alerts.name(),
                        Produced.with(alerts.keySerde(), alerts.valueSerde()).withName("alerts-sink")), "-hotlist"));
    }

    /**
     * Rule hits arrive keyed by their cooldown key (rule and the value of its cooldown field); they are
     * repartitioned by it, so one task holds each cooldown whatever plate or camera the hits came from.
     */
    private static void holdRuleCooldowns(StreamsBuilder builder, KStream<String, Alert> hits, TopologyConfig config,
                                          TopicDescriptor<String, Alert> alerts, PipelineCounters counters) {
        Duration retention = config.rules().longestCooldown().plus(Duration.ofMinutes(1));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(RuleCooldownProcessor.STORE,
                retention, Duration.ofMillis(1), false), Serdes.String(), Serdes.Long()));
        hits.repartition(Repartitioned.<String, Alert>as("rule-hits").withKeySerde(Serdes.String())
                        .withValueSerde(alerts.valueSerdeForStores()))
                .process(() -> new RuleCooldownProcessor(config.rules(), counters),
                        Named.as(RuleCooldownProcessor.NAME), RuleCooldownProcessor.STORE)
                .to(alerts.name(), Produced.with(alerts.keySerde(), alerts.valueSerde()).withName("rule-alerts-sink"));
    }

    /**
     * The plate stores share the source's {@link ReusedBytesSerde}: they keep the bytes of the topic
     * record, so an event is decoded once and not encoded again for the stores.
     */
    private static void addPlateStores(StreamsBuilder builder, TopologyConfig config,
                                       ReusedBytesSerde<PlateEvent> events) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(QueryStores.PLATE_LATEST),
                Serdes.String(), events).withCachingEnabled());
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(QueryStores.PLATE_PASSES,
                config.passesRetention(), Duration.ofMillis(1), false), Serdes.String(), events).withCachingEnabled());
    }

    private static void keepRecentAlerts(StreamsBuilder builder, TopologyConfig config, AlprTopics topics) {
        TopicDescriptor<String, Alert> alerts = topics.alerts();
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(QueryStores.ALERTS_RECENT,
                config.alertsRetention(), Duration.ofMillis(1), false), Serdes.String(), alerts.valueSerdeForStores()));
        builder.stream(alerts.name(), Consumed.with(alerts.keySerde(), alerts.valueSerde()).withName("alerts-source"))
                .process(RecentAlertsProcessor::new, Named.as(RecentAlertsProcessor.NAME), QueryStores.ALERTS_RECENT);
    }
}
