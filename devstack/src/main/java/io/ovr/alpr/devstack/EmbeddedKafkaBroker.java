package io.ovr.alpr.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) running in this JVM on
 * loopback, with its data in a directory. Restarting it on the same directory keeps topics,
 * records and committed offsets; it also keeps its ports, so clients reconnect.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String CLUSTER_ID_FILE = "alpr-cluster-id";

    private final BrokerConfig config;
    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(BrokerConfig config, Path dataDir, int brokerPort, int controllerPort) {
        this.config = config;
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /** Formats the directory when it is new and starts the broker; returns once it accepts clients. */
    public static EmbeddedKafkaBroker start(BrokerConfig config) {
        Path dir = config.dataDir().orElseGet(EmbeddedKafkaBroker::tempDir);
        int brokerPort = config.port() == 0 ? freePort() : config.port();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config, dir, brokerPort, freePort());
        broker.startServer();
        return broker;
    }

    /** {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker cleanly and starts it again on the same directory and ports. */
    public synchronized void restart() {
        stopServer();
        startServer();
    }

    /** Stops the broker cleanly; the directory stays for a later start. */
    @Override
    public synchronized void close() {
        stopServer();
    }

    private synchronized void startServer() {
        Path logDir = dataDir.resolve("kraft");
        String clusterId = formatIfNew(logDir);
        Properties props = properties(logDir);
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        LOG.info("Kafka broker {} (cluster {}) on {} with data in {}", config.nodeId(), clusterId,
                bootstrapServers(), logDir);
    }

    private void stopServer() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.info("Kafka broker on {} stopped", bootstrapServers());
        }
    }

    private String formatIfNew(Path logDir) {
        Path idFile = dataDir.resolve(CLUSTER_ID_FILE);
        try {
            if (Files.exists(idFile) && Files.exists(logDir.resolve("meta.properties"))) {
                return Files.readString(idFile).trim();
            }
            Files.createDirectories(logDir);
            String clusterId = Uuid.randomUuid().toString();
            new Formatter()
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toString()))
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setPrintStream(System.err)
                    .run();
            Files.writeString(idFile, clusterId);
            return clusterId;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format KRaft storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    private Properties properties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(config.nodeId()));
        p.put("controller.quorum.voters", config.nodeId() + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        p.put("log.retention.ms", config.keepRecordsForever() ? "-1" : Long.toString(7L * 24 * 3600 * 1000));
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        p.putAll(config.overrides());
        return p;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("alpr-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
