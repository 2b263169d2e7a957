package io.ovr.alpr.processors.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PassLogicTest {

    private static final long W = 10_000;
    private final AtomicInteger ids = new AtomicInteger();
    private final PassLogic logic = new PassLogic(() -> "e" + ids.incrementAndGet());

    @Test
    void shouldOpenAPassOnTheFirstRead() {
        PassLogic.Outcome first = logic.apply(null, 1_000, 0.8f, W);

        assertThat(first.decision()).isEqualTo(PassDecision.NEW);
        assertThat(first.state()).isEqualTo(new PassState("e1", 1_000, 1_000, 1_000, 1_000 + W, 0.8f, 1));
    }

    @Test
    void shouldSuppressReadWithinWindowWithoutHigherConfidence() {
        PassState state = logic.apply(null, 0, 0.8f, W).state();

        PassLogic.Outcome next = logic.apply(state, W - 1, 0.8f, W);

        assertThat(next.decision()).isEqualTo(PassDecision.SUPPRESS);
        assertThat(next.state().readCount()).isEqualTo(2);
        assertThat(next.state().expiresAt()).isEqualTo(W - 1 + W);
    }

    @Test
    void shouldUpdateWithTheSameEventIdWhenConfidenceRises() {
        PassState state = logic.apply(null, 0, 0.8f, W).state();

        PassLogic.Outcome next = logic.apply(state, 5_000, 0.9f, W);

        assertThat(next.decision()).isEqualTo(PassDecision.UPDATE);
        assertThat(next.state().eventId()).isEqualTo("e1");
        assertThat(next.state().capturedAt()).isZero();
        assertThat(next.state().lastSeen()).isEqualTo(5_000);
    }

    @Test
    void shouldOpenANewPassExactlyAtTheWindowAndAfterIt() {
        PassState state = logic.apply(null, 0, 0.8f, W).state();

        assertThat(logic.apply(state, W, 0.8f, W).decision()).isEqualTo(PassDecision.NEW);
        assertThat(logic.apply(state, W + 1, 0.8f, W).state().eventId()).isEqualTo("e3");
    }

    @Test
    void shouldKeepAnOutOfOrderReadInThePass() {
        PassState state = logic.apply(null, 5_000, 0.8f, W).state();

        PassLogic.Outcome late = logic.apply(state, 4_000, 0.7f, W);

        assertThat(late.decision()).isEqualTo(PassDecision.SUPPRESS);
        assertThat(late.state().firstSeen()).isEqualTo(4_000);
        assertThat(late.state().lastSeen()).isEqualTo(5_000);
    }

    @Test
    void shouldRoundTripTheStateThroughItsSerde() {
        PassState state = new PassState("event-ü", 1, 2, 3, 4, 0.5f, 6);
        PassStateSerde serde = new PassStateSerde();

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", state))).isEqualTo(state);
    }
}
