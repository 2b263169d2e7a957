package io.ovr.alpr.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures a consumer group's sustained rate the same way for every side of a benchmark: the
 * group's committed offsets on its input topic, polled every 10 ms. The window opens at the first
 * poll that sees the warm-up part of the backlog committed (start-up and the first commit lie
 * before it) and closes at the first poll that sees the whole backlog committed and nothing left
 * on the group's other input topics (for the topology: the enriched events its second
 * sub-topology re-reads), so a read counts once all its work is done.
 */
final class SustainedRate {

    /**
     * What one window measured: CPU per read of the whole JVM (broker included) and of the side's
     * own processing threads.
     */
    record Window(long reads, double seconds, double cpuMicrosPerRead, double threadCpuMicrosPerRead) {

        double readsPerSecond() {
            return reads / seconds;
        }
    }

    private static final long POLL_NANOS = 10_000_000L;

    private SustainedRate() {
    }

    /** Measures the group's window; {@code threads} selects the side's processing threads by name. */
    static Window measure(Admin admin, String group, String topic, long warmup, long total, Predicate<String> threads,
                          Duration timeout) throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long startCount = -1;
        long startNanos = 0;
        long startCpu = 0;
        long startThreadCpu = 0;
        while (System.nanoTime() < deadline) {
            long committed = committed(admin, group, topic);
            long now = System.nanoTime();
            if (startCount < 0 && committed >= warmup) {
                startCount = committed;
                startNanos = now;
                startCpu = processCpuNanos();
                startThreadCpu = threadCpuNanos(threads);
            }
            if (startCount >= 0 && committed >= total && otherInputsLag(admin, group, topic) == 0) {
                long reads = committed - startCount;
                double perRead = 1e3 * Math.max(1, reads);
                return new Window(reads, (now - startNanos) / 1e9, (processCpuNanos() - startCpu) / perRead,
                        (threadCpuNanos(threads) - startThreadCpu) / perRead);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        throw new TimeoutException("group " + group + " did not commit " + total + " reads of " + topic + " within "
                + timeout);
    }

    /** How many committed records the group has not consumed yet on its input topics other than {@code topic}. */
    static long otherInputsLag(Admin admin, String group, String topic) throws ExecutionException,
            InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> others = new HashMap<>();
        committed.keySet().stream().filter(tp -> !tp.topic().equals(topic))
                .forEach(tp -> others.put(tp, OffsetSpec.latest()));
        if (others.isEmpty()) {
            return 0;
        }
        var ends = admin.listOffsets(others, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        return ends.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue().offset()
                - (committed.get(e.getKey()) == null ? 0 : committed.get(e.getKey()).offset()))).sum();
    }

    /** Sum of the group's committed offsets on the partitions of {@code topic}. */
    static long committed(Admin admin, String group, String topic) throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static long threadCpuNanos(Predicate<String> names) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info != null && names.test(info.getThreadName())) {
                sum += Math.max(0, bean.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
