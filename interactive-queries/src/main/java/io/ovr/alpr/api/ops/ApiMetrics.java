package io.ovr.alpr.api.ops;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.javalin.router.Endpoint;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The meters of a streams instance: JVM (memory, GC, threads, classes, CPU, uptime), Kafka
 * Streams' own metrics through Micrometer's {@link KafkaStreamsMetrics}, and one timer of API
 * requests by route template and status. Close it to unbind the closeable binders.
 */
public final class ApiMetrics implements AutoCloseable {

    private final MeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final KafkaStreamsMetrics streamsMetrics;

    public ApiMetrics(MeterRegistry registry, KafkaStreams streams) {
        this.registry = registry;
        bindJvm(registry, gc);
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    /** JVM memory, GC, threads, classes, CPU and uptime: the same set on every role (the sinks and edge too). */
    public static void bindJvm(MeterRegistry registry, JvmGcMetrics gc) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** A Javalin request logger: times each request by method, route template and status. */
    public void record(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        Timer.builder("alpr.api.requests").description("API requests by route and status")
                .tags("method", ctx.method().name(), "route", endpoint == null ? "unmatched" : endpoint.path,
                        "status", Integer.toString(ctx.statusCode()))
                .register(registry).record((long) (millis * 1000), TimeUnit.MICROSECONDS);
    }

    @Override
    public void close() {
        streamsMetrics.close();
        gc.close();
    }
}
