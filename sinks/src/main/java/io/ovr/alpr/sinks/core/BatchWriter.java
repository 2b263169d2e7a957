package io.ovr.alpr.sinks.core;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Writes one batch of raw records to a sink's target, idempotently: writing the same records
 * again (after a crash before the offsets were committed) must leave the target as after the first
 * write.
 */
public interface BatchWriter extends AutoCloseable {

    /**
     * Writes the batch. Records that can never be written (undecodable, rejected by the target's
     * schema) are returned with their reason and go to the dead-letter topic; everything else is
     * written when this returns.
     *
     * @throws TargetUnavailableException when the target cannot be reached or refused the batch
     *     for a transient reason: nothing is committed and the batch is retried after a backoff
     */
    WriteResult write(List<ConsumerRecord<byte[], byte[]>> batch);

    /** Periodic housekeeping on the sink thread between batches (partitions, refreshes); default none. */
    default void maintain() {
    }

    @Override
    default void close() {
    }
}
