package io.ovr.alpr.topology.runner;

import io.ovr.alpr.topology.StreamsSettings;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the topology: reports state changes, replaces a stream thread that died of an unexpected
 * error (records that fail are already routed to the DLQ by the exception handlers), and closes
 * cleanly so a restart resumes from committed state.
 */
public final class StreamsRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);

    public StreamsRunner(Topology topology, StreamsSettings settings) {
        this.streams = new KafkaStreams(topology, settings.toProperties());
        streams.setStateListener((next, previous) -> {
            LOG.info("streams {} -> {}", previous, next);
            if (next == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public StreamsRunner start() {
        streams.start();
        return this;
    }

    /** Waits until the application first reaches RUNNING. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Closes the application, waiting up to 30 s, and reports whether it closed cleanly. */
    @Override
    public void close() {
        if (streams.close(CLOSE_TIMEOUT)) {
            LOG.info("streams closed cleanly");
        } else {
            LOG.warn("streams did not close within {} (state {})", CLOSE_TIMEOUT, streams.state());
        }
    }
}
