package io.ovr.alpr.sinks.core;

import java.util.List;

/**
 * What a batch write did.
 *
 * @param written records (rows, documents, deliveries) written or confirmed already present
 * @param rejected records that can never be written, for the dead-letter topic
 */
public record WriteResult(int written, List<Rejected> rejected) {

    public WriteResult {
        rejected = List.copyOf(rejected);
    }

    public static WriteResult of(int written) {
        return new WriteResult(written, List.of());
    }
}
