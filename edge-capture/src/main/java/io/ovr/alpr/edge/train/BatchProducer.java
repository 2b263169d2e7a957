package io.ovr.alpr.edge.train;

import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/** Renders training batches on a background thread while the network trains on the previous ones. */
final class BatchProducer {

    private BatchProducer() {
    }

    static <T> Thread start(BlockingQueue<T> queue, Supplier<T> batches) {
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    queue.put(batches.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "batch-producer");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
