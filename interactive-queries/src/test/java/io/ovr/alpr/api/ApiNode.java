package io.ovr.alpr.api;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ovr.alpr.api.admin.AdminWriter;
import io.ovr.alpr.api.audit.AuditLog;
import io.ovr.alpr.api.audit.LogAuditLog;
import io.ovr.alpr.api.backend.Backends;
import io.ovr.alpr.api.console.TopicAccess;
import io.ovr.alpr.api.auth.ApiKeys;
import io.ovr.alpr.api.http.Json;
import io.ovr.alpr.processors.streams.PipelineCounters;
import io.ovr.alpr.serdes.topics.AlprTopics;
import io.ovr.alpr.topology.AlprTopology;
import io.ovr.alpr.topology.StreamsSettings;
import io.ovr.alpr.topology.TopologyConfig;
import io.ovr.alpr.topology.runner.StreamsRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One {@code alpr streams} instance as the CLI runs it: the real topology on the embedded broker
 * and its query API on a free loopback port advertised as {@code application.server}.
 */
final class ApiNode implements AutoCloseable {

    static final String VIEWER_KEY = "viewer-key-0123456789";
    static final String INVESTIGATOR_KEY = "investigator-key-0123456789";
    static final String ADMIN_KEY = "admin-key-0123456789";
    static final ApiKeys KEYS = ApiKeys.parse("viewer:viewer:" + VIEWER_KEY + ",detective:investigator:"
            + INVESTIGATOR_KEY + ",ops:admin:sha256:" + ApiKeys.hash(ADMIN_KEY));

    final StreamsRunner runner;
    final QueryApi api;
    final AdminWriter writer;
    final HostInfo host;
    private boolean apiStopped;
    private boolean streamsStopped;

    private ApiNode(StreamsRunner runner, QueryApi api, AdminWriter writer, HostInfo host) {
        this.runner = runner;
        this.api = api;
        this.writer = writer;
        this.host = host;
    }

    /** Starts streams and API (live state only, audit to the log); returns without waiting for RUNNING. */
    static ApiNode start(String bootstrap, AlprTopics topics, Path stateDir, int standbyReplicas) {
        return start(bootstrap, topics, stateDir, standbyReplicas, new LogAuditLog(Json.mapper()), Backends.none());
    }

    /** Starts streams and API with these stores and audit log; returns without waiting for RUNNING. */
    static ApiNode start(String bootstrap, AlprTopics topics, Path stateDir, int standbyReplicas, AuditLog audit,
                         Backends backends) {
        HostInfo host = new HostInfo("127.0.0.1", freePort());
        Topology topology = AlprTopology.build(TopologyConfig.defaults(), topics, new PipelineCounters());
        StreamsSettings settings = StreamsSettings.defaults(bootstrap, stateDir).withApplicationId("alpr-api-it")
                .withApplicationServer(host.host() + ":" + host.port()).withStandbyReplicas(standbyReplicas);
        StreamsRunner runner = new StreamsRunner(topology, settings);
        AdminWriter writer = new AdminWriter(bootstrap, topics);
        QueryApi api = new QueryApi(ApiConfig.of("127.0.0.1", host, KEYS), new QueryApi.Dependencies(
                runner.streams(), topology.describe(), writer, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                audit, List.of(), backends, Optional.of(new TopicAccess(bootstrap, topics)))).start();
        runner.start();
        return new ApiNode(runner, api, writer, host);
    }

    String url(String path) {
        return "http://127.0.0.1:" + api.port() + path;
    }

    String name() {
        return host.host() + ":" + host.port();
    }

    /** The HTTP side goes away first, as when the process is dying: peers cannot reach it. */
    void stopApi() {
        if (!apiStopped) {
            api.close();
            apiStopped = true;
        }
    }

    /** Streams leaves the group, so the others take its partitions over at once. */
    void stopStreams() {
        if (!streamsStopped) {
            runner.streams().close(CloseOptions.groupMembershipOperation(
                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
            streamsStopped = true;
        }
    }

    @Override
    public void close() {
        stopApi();
        stopStreams();
        writer.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
