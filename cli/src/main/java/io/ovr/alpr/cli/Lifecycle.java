package io.ovr.alpr.cli;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources of a long-running role, closed in reverse order of start when the process is
 * asked to stop (Ctrl-C, SIGTERM) or a timed run ends.
 */
public final class Lifecycle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "alpr-shutdown");

    public Lifecycle() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Keeps {@code resource} to close it on stop; returns it. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Blocks until a stop signal arrives or {@code duration} (when given) has passed. */
    public void awaitStop(Optional<Duration> duration) throws InterruptedException {
        if (duration.isPresent()) {
            stopRequested.await(duration.get().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            stopRequested.await();
        }
    }

    /** Whether a stop signal arrived (or {@link #requestStop} was called). */
    public boolean stopRequested() {
        return stopRequested.getCount() == 0;
    }

    /** Asks {@link #awaitStop} to return, as a signal would. */
    public void requestStop() {
        stopRequested.countDown();
    }

    @Override
    public synchronized void close() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resource, e.toString());
            }
        }
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: it is waiting for this close
        }
    }

    private void onSignal() {
        stopRequested.countDown();
        try {
            if (!closed.await(30, TimeUnit.SECONDS)) {
                LOG.warn("resources did not close within 30 s; exiting anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
