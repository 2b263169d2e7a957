package io.ovr.alpr.api.iq;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * The store partitions of this instance that are restoring from their changelog right now. IQv2
 * answers from a restoring task (an active one even under {@code requireActive} once the stream
 * thread runs), whose store may still be missing most of its data; such partitions are treated as
 * unable to answer, so the router asks a standby elsewhere or answers 503 instead of presenting a
 * half-restored store as the truth.
 */
public final class RestoringPartitions implements StateRestoreListener {

    private final Set<String> restoring = ConcurrentHashMap.newKeySet();

    /** Registers itself as the streams' restore listener; the streams must not have started yet. */
    public static RestoringPartitions attach(KafkaStreams streams) {
        RestoringPartitions listener = new RestoringPartitions();
        streams.setGlobalStateRestoreListener(listener);
        return listener;
    }

    public boolean isRestoring(String store, int partition) {
        return restoring.contains(key(store, partition));
    }

    @Override
    public void onRestoreStart(TopicPartition changelog, String store, long startingOffset, long endingOffset) {
        restoring.add(key(store, changelog.partition()));
    }

    @Override
    public void onBatchRestored(TopicPartition changelog, String store, long batchEndOffset, long restored) {
        // progress only; the partition stays unanswerable until the restore ends
    }

    @Override
    public void onRestoreEnd(TopicPartition changelog, String store, long totalRestored) {
        restoring.remove(key(store, changelog.partition()));
    }

    @Override
    public void onRestoreSuspended(TopicPartition changelog, String store, long totalRestored) {
        restoring.remove(key(store, changelog.partition()));
    }

    private static String key(String store, int partition) {
        return store + "\u0000" + partition;
    }
}
