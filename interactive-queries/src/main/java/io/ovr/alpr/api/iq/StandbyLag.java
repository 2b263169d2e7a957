package io.ovr.alpr.api.iq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds how far behind a standby (or otherwise non-active) store partition may be and still
 * answer: its offset lag behind the changelog end, from {@link KafkaStreams#allLocalStorePartitionLags()}.
 * That call asks the brokers for end offsets, so its answer is kept for two seconds. A partition
 * whose lag is unknown (not local, streams not running, brokers unreachable) does not answer when
 * a bound is set.
 */
public final class StandbyLag {

    private static final Logger LOG = LoggerFactory.getLogger(StandbyLag.class);
    private static final Duration REFRESH = Duration.ofSeconds(2);

    private final KafkaStreams streams;
    private final long maxLag;
    private final Clock clock;
    private Map<String, Map<Integer, LagInfo>> lags = Map.of();
    private Instant fetched = Instant.MIN;

    /** @param maxLag the most records a partition may lag; negative for no bound */
    public StandbyLag(KafkaStreams streams, long maxLag, Clock clock) {
        this.streams = streams;
        this.maxLag = maxLag;
        this.clock = clock;
    }

    /** Whether the local copy of {@code store} partition {@code partition} may answer a standby read. */
    public boolean withinBound(String store, int partition) {
        if (maxLag < 0) {
            return true;
        }
        LagInfo lag = current().getOrDefault(store, Map.of()).get(partition);
        return lag != null && lag.offsetLag() <= maxLag;
    }

    private synchronized Map<String, Map<Integer, LagInfo>> current() {
        Instant now = clock.instant();
        if (now.isAfter(fetched.plus(REFRESH))) {
            try {
                lags = streams.allLocalStorePartitionLags();
            } catch (RuntimeException e) {
                LOG.debug("store lags unknown: {}", e.toString());
                lags = Map.of();
            }
            fetched = now;
        }
        return lags;
    }
}
