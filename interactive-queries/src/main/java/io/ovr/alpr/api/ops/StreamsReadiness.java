package io.ovr.alpr.api.ops;

import org.apache.kafka.streams.KafkaStreams;

/** Ready when the streams application is RUNNING (not while it starts, rebalances or stops). */
public final class StreamsReadiness implements ReadinessCheck {

    private final KafkaStreams streams;

    public StreamsReadiness(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Result check() {
        KafkaStreams.State state = streams.state();
        return new Result("kafka-streams", state == KafkaStreams.State.RUNNING, state.name());
    }
}
