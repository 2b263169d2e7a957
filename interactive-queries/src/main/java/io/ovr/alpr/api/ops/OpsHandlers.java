package io.ovr.alpr.api.ops;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.Params;
import io.ovr.alpr.api.http.Problem;
import io.ovr.alpr.topology.describe.TopologyDiagram;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TopologyDescription;

/** Health, readiness, metrics, the API's own description and the topology. */
public final class OpsHandlers {

    /** Liveness. */
    public record Health(String status, String streams) {
    }

    /** Readiness: every check passed. */
    public record Ready(String status, List<ReadinessCheck.Result> checks) {
    }

    /** One streams instance and the partitions it holds. */
    public record Instance(String instance, boolean self, Set<String> active, Set<String> standby) {
    }

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final KafkaStreams streams;
    private final List<ReadinessCheck> checks;
    private final PrometheusMeterRegistry registry;
    private final TopologyDescription topology;
    private final Supplier<byte[]> openApi;
    private final String docs;
    private final String self;
    private final Params params;

    public OpsHandlers(KafkaStreams streams, List<ReadinessCheck> checks, PrometheusMeterRegistry registry,
                       TopologyDescription topology, Supplier<byte[]> openApi, String docs, String self, Params params) {
        this.streams = streams;
        this.checks = List.copyOf(checks);
        this.registry = registry;
        this.topology = topology;
        this.openApi = openApi;
        this.docs = docs;
        this.self = self;
        this.params = params;
    }

    public void health(Context ctx) {
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR) {
            throw new ApiException(Problem.of(503, "Not alive", "the streams application failed (ERROR); restart it"));
        }
        ctx.json(new Health("up", state.name()));
    }

    public void ready(Context ctx) {
        List<ReadinessCheck.Result> results = checks.stream().map(ReadinessCheck::check).toList();
        List<String> failing = results.stream().filter(r -> !r.ok()).map(r -> r.name() + ": " + r.detail()).toList();
        if (!failing.isEmpty()) {
            throw new ApiException(new Problem("about:blank", "Not ready", 503, "not ready: " + String.join(", ",
                    failing), null, null, failing), Map.of("Retry-After",
                    Long.toString(ApiException.RETRY_AFTER.toSeconds())));
        }
        ctx.json(new Ready("ready", results));
    }

    public void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
    }

    public void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi.get());
    }

    public void docs(Context ctx) {
        ctx.html(docs);
    }

    public void topology(Context ctx) {
        String format = params.bounded(ctx, "format").orElse("text").toLowerCase(Locale.ROOT);
        TopologyDiagram.Format chosen = switch (format) {
            case "text" -> TopologyDiagram.Format.TEXT;
            case "mermaid" -> TopologyDiagram.Format.MERMAID;
            default -> throw ApiException.badRequest("format", "format must be text or mermaid");
        };
        ctx.contentType("text/plain; charset=utf-8").result(TopologyDiagram.render(topology, chosen));
    }

    public void instances(Context ctx) {
        List<Instance> instances;
        try {
            instances = streams.metadataForAllStreamsClients().stream().map(this::instance)
                    .sorted((a, b) -> a.instance().compareTo(b.instance())).toList();
        } catch (RuntimeException e) {
            throw ApiException.unavailable("the streams application is not running here (" + streams.state() + ")");
        }
        ctx.json(Map.of("instances", instances));
    }

    private Instance instance(StreamsMetadata metadata) {
        String name = metadata.host() + ":" + metadata.port();
        return new Instance(name, name.equals(self), names(metadata.topicPartitions()),
                names(metadata.standbyTopicPartitions()));
    }

    private static Set<String> names(Set<TopicPartition> partitions) {
        Set<String> names = new TreeSet<>();
        partitions.forEach(tp -> names.add(tp.topic() + "-" + tp.partition()));
        return names;
    }
}
