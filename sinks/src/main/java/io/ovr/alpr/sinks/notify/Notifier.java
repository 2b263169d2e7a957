package io.ovr.alpr.sinks.notify;

/** Delivers alert messages on one channel. */
interface Notifier {

    /**
     * Delivers once (no retry here).
     *
     * @return the receiver's status (HTTP status, or 250 for SMTP)
     */
    int deliver(AlertMessage message) throws DeliveryException;
}
