package io.ovr.alpr.topology;

import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.topology.errors.DlqDeserializationExceptionHandler;
import io.ovr.alpr.topology.errors.DlqProcessingExceptionHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of the application, in one place: exactly-once v2, event time
 * from {@code captured_at}, the DLQ and its exception handlers, explicit naming enforced,
 * standby replicas and the advertised {@code application.server} of the query API.
 *
 * @param applicationServer {@code host:port} of this instance's API, empty when it has none
 * @param exactlyOnce exactly_once_v2 (true, production and demo) or at_least_once
 */
public record StreamsSettings(String applicationId, String bootstrapServers, Path stateDir,
                              Optional<String> applicationServer, int threads, int standbyReplicas,
                              Duration commitInterval, boolean exactlyOnce) {

    public static StreamsSettings defaults(String bootstrapServers, Path stateDir) {
        return new StreamsSettings("alpr-streams", bootstrapServers, stateDir, Optional.empty(), 1, 0,
                Duration.ofMillis(100), true);
    }

    public StreamsSettings withApplicationServer(String hostPort) {
        return new StreamsSettings(applicationId, bootstrapServers, stateDir, Optional.ofNullable(hostPort), threads,
                standbyReplicas, commitInterval, exactlyOnce);
    }

    public StreamsSettings withStandbyReplicas(int count) {
        return new StreamsSettings(applicationId, bootstrapServers, stateDir, applicationServer, threads, count,
                commitInterval, exactlyOnce);
    }

    public StreamsSettings withApplicationId(String id) {
        return new StreamsSettings(id, bootstrapServers, stateDir, applicationServer, threads, standbyReplicas,
                commitInterval, exactlyOnce);
    }

    public StreamsSettings withThreads(int count) {
        return new StreamsSettings(applicationId, bootstrapServers, stateDir, applicationServer, count,
                standbyReplicas, commitInterval, exactlyOnce);
    }

    public StreamsSettings withExactlyOnce(boolean enabled) {
        return new StreamsSettings(applicationId, bootstrapServers, stateDir, applicationServer, threads,
                standbyReplicas, commitInterval, enabled);
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                exactlyOnce ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        p.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, CapturedAtTimestampExtractor.class);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, AlprTopics.DLQ);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DlqDeserializationExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DlqProcessingExceptionHandler.class);
        // a failure in a global store's processor is logged and skipped instead of stopping the global thread
        // (Kafka cannot send dead letters from it; the record stays in its compacted topic)
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // the partition assignor builds its own StreamsConfig from the main consumer's settings: tell it too
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
        // every task reads one partition of one topic (no joins): nothing to align by waiting on idle inputs,
        // and the idle bookkeeping costs CPU on every loop
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        applicationServer.ifPresent(server -> p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server));
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        producerBatching(p);
        return p;
    }

    /**
     * With exactly-once, output becomes visible at the commit, which flushes the producer: lingering up
     * to the commit interval costs no latency and fills batches (fewer, larger produce requests). No
     * compression: on every new batch lz4 costs the stream thread more than it saves on loopback or a
     * LAN (measured with {@code alpr bench topology}); compress on the topics if disk is the limit.
     */
    private void producerBatching(Properties p) {
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), commitInterval.toMillis());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "none");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 512 * 1024);

    }
}
