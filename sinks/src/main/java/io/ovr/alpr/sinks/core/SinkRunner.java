package io.ovr.alpr.sinks.core;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink: a plain consumer group that polls, collects a batch (by size or time), writes it with
 * its {@link BatchWriter}, sends what can never be written to the dead-letter topic, and commits
 * the offsets only after that. While the target is down it pauses its partitions, keeps polling
 * (so it stays in the group) and retries the same batch with a growing backoff; then it resumes.
 * A crash at any point re-delivers at most the uncommitted batch, which the idempotent writer
 * absorbs: nothing is lost or duplicated.
 */
public final class SinkRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final SinkConfig config;
    private final Consumer<byte[], byte[]> consumer;
    private final BatchWriter writer;
    private final DeadLetterPublisher deadLetters;
    private final SinkMetrics metrics;
    private final KafkaClientMetrics clientMetrics;
    private final List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean abortWithoutCommit;
    private volatile Runnable afterWriteHook = () -> { };
    private volatile Runnable onFailure = () -> { };
    private volatile RuntimeException failure;
    private long batchStartedNanos;
    private boolean paused;
    private volatile long firstRecordNanos;
    private volatile long lastCommitNanos;
    private volatile long committedRecords;

    public SinkRunner(SinkConfig config, BatchWriter writer, DeadLetterPublisher deadLetters, MeterRegistry registry) {
        this(config, new KafkaConsumer<>(config.consumerProperties()), writer, deadLetters, registry);
    }

    SinkRunner(SinkConfig config, Consumer<byte[], byte[]> consumer, BatchWriter writer,
               DeadLetterPublisher deadLetters, MeterRegistry registry) {
        this.config = config;
        this.consumer = consumer;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.metrics = new SinkMetrics(registry, config.name());
        this.clientMetrics = new KafkaClientMetrics(consumer);
        clientMetrics.bindTo(registry);
        this.thread = new Thread(this::run, "alpr-sink-" + config.name());
    }

    /** Starts consuming on the sink's own thread. */
    public SinkRunner start() {
        thread.start();
        return this;
    }

    public String name() {
        return config.name();
    }

    public String groupId() {
        return config.groupId();
    }

    /**
     * Progress for benchmarks and health checks.
     *
     * @param committedRecords records written (or dead-lettered) and committed since start
     * @param firstRecordNanos {@link System#nanoTime()} when the first records arrived, 0 before
     * @param lastCommitNanos {@link System#nanoTime()} of the last commit, 0 before
     */
    public record Progress(long committedRecords, long firstRecordNanos, long lastCommitNanos) {
    }

    public Progress progress() {
        return new Progress(committedRecords, firstRecordNanos, lastCommitNanos);
    }

    /** Runs {@code action} (e.g. stopping the process) if the sink stops on an unexpected error. */
    public SinkRunner onFailure(Runnable action) {
        this.onFailure = action;
        return this;
    }

    /** The unexpected error that stopped the sink, if one did. */
    public java.util.Optional<RuntimeException> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** Whether the sink is paused, waiting for its target. */
    public boolean isPaused() {
        return metrics.paused.get() == 1;
    }

    /**
     * Stops consuming and closes the consumer. A write in progress finishes and is committed; a
     * batch not yet written, or waiting for its target, stays uncommitted (re-delivered later).
     */
    @Override
    public void close() {
        running = false;
        awaitStop();
        clientMetrics.close();
        writer.close();
        deadLetters.close();
    }

    /**
     * Test hook for crash tests: runs after a batch was written and before its offsets are
     * committed. A hook that calls {@link #abort()} simulates a process killed in that window.
     */
    public void afterWrite(Runnable hook) {
        this.afterWriteHook = hook;
    }

    /** Stops at once without committing anything more, as a killed process would. */
    public void abort() {
        abortWithoutCommit = true;
        running = false;
        consumer.wakeup();
    }

    /** Waits (up to 60 s) until the sink's thread has ended. */
    public void awaitStop() {
        try {
            if (Thread.currentThread() != thread && !stopped.await(60, TimeUnit.SECONDS)) {
                LOG.warn("sink {} did not stop within 60 s", config.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.subscribe(config.topics(), new Rebalance());
            LOG.info("sink {} consuming {} as group {}", config.name(), config.topics(), config.groupId());
            while (running) {
                pollInto(POLL);
                if (batchDue()) {
                    flush();
                }
                maintain();
            }
            if (!abortWithoutCommit && !batch.isEmpty()) {
                LOG.info("sink {} stopping with {} unwritten records; they stay uncommitted", config.name(),
                        batch.size());
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("sink {} stopped by an unexpected error; its uncommitted records are re-delivered on restart",
                    config.name(), e);
            failure = e;
        } finally {
            try {
                consumer.close(Duration.ofSeconds(10));
            } finally {
                stopped.countDown();
                if (failure != null) {
                    onFailure.run();
                }
            }
        }
    }

    private void pollInto(Duration timeout) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
        if (!records.isEmpty() && batch.isEmpty()) {
            batchStartedNanos = System.nanoTime();
            if (firstRecordNanos == 0) {
                firstRecordNanos = batchStartedNanos;
            }
        }
        records.forEach(batch::add);
    }

    private boolean batchDue() {
        return !batch.isEmpty() && (batch.size() >= config.maxBatch()
                || System.nanoTime() - batchStartedNanos >= config.linger().toNanos());
    }

    /** Writes and commits the batch, retrying with backoff (partitions paused) until it succeeds or the sink stops. */
    private void flush() {
        Duration backoff = config.initialBackoff();
        while (running && !batch.isEmpty()) {
            long start = System.nanoTime();
            try {
                List<ConsumerRecord<byte[], byte[]>> records = List.copyOf(batch);
                WriteResult result = writer.write(records);
                deadLetters.publish(result.rejected());
                afterWriteHook.run();
                if (abortWithoutCommit) {
                    return;
                }
                commit(records);
                lastCommitNanos = System.nanoTime();
                committedRecords += records.size();
                metrics.written.increment(result.written());
                metrics.consumed.increment(records.size());
                metrics.deadLettered.increment(result.rejected().size());
                metrics.batchLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                batch.clear();
                resume();
            } catch (TargetUnavailableException e) {
                metrics.failedWrites.increment();
                LOG.warn("sink {}: batch of {} not written ({}); retrying in {} ms", config.name(), batch.size(),
                        e.getMessage(), backoff.toMillis());
                pause();
                waitPolling(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void maintain() {
        try {
            writer.maintain();
        } catch (RuntimeException e) {
            LOG.warn("sink {}: maintenance failed, retried later: {}", config.name(), e.toString());
        }
    }

    private void commit(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Set<TopicPartition> assigned = consumer.assignment();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            if (assigned.contains(tp)) {
                offsets.merge(tp, new OffsetAndMetadata(r.offset() + 1),
                        (a, b) -> a.offset() >= b.offset() ? a : b);
            }
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // the partitions moved on: their new owner re-reads from the last commit, and the idempotent write absorbs it
            LOG.info("sink {}: commit after rebalance refused ({}); the batch will be re-delivered", config.name(),
                    e.getMessage());
        } catch (RetriableException e) {
            // the broker is unreachable: write (idempotently) and commit again after a backoff
            throw new TargetUnavailableException("offset commit failed: " + e.getMessage(), e);
        }
    }

    /** Waits {@code duration} while polling paused partitions, so the consumer stays in its group. */
    private void waitPolling(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (running && System.nanoTime() < deadline) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            pollInto(Duration.ofMillis(Math.min(left, POLL.toMillis())));
        }
    }

    private void pause() {
        if (!paused) {
            consumer.pause(consumer.assignment());
            paused = true;
            metrics.paused.set(1);
        }
    }

    private void resume() {
        if (paused) {
            consumer.resume(consumer.paused());
            paused = false;
            metrics.paused.set(0);
            LOG.info("sink {} resumed", config.name());
        }
    }

    /** Drops buffered records of partitions this sink no longer owns: their next owner re-reads them. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused) {
                consumer.pause(partitions);
            }
        }

        private void drop(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty() || batch.isEmpty()) {
                return;
            }
            int before = batch.size();
            batch.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
            if (before != batch.size()) {
                LOG.info("sink {}: {} uncommitted records of revoked partitions dropped", config.name(),
                        before - batch.size());
            }
        }
    }
}
