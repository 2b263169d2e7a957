package io.ovr.alpr.cli.streams;

import io.ovr.alpr.serdes.registry.SchemaRegistryClient;
import io.ovr.alpr.serdes.registry.SchemaRegistryException;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Holds a role's start until the schema registry answers. Without it, the Streams threads would meet
 * the outage on their first records: the stream threads retry (a record is never dead-lettered only
 * because the registry is down), but the global thread that loads cameras and the hotlist cannot be
 * replaced, and its failure would stop the application. While waiting it says so, once per attempt.
 */
final class RegistryGate {

    private RegistryGate() {
    }

    /** Returns once {@code registry} lists its subjects; prints a clear error per failed attempt. */
    static void await(SchemaRegistryClient registry, String url, Duration pause, PrintWriter err)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                registry.subjects();
                if (attempt > 1) {
                    err.printf("schema registry %s answers again: starting%n", url);
                    err.flush();
                }
                return;
            } catch (SchemaRegistryException e) {
                if (!e.isUnavailable()) {
                    throw e;
                }
                err.printf("ERROR schema registry %s is unavailable (%s); nothing is started until it answers,"
                        + " retrying in %d s (attempt %d)%n", url, e.getMessage(), pause.toSeconds(), attempt);
                err.flush();
                Thread.sleep(pause.toMillis());
            }
        }
    }
}
