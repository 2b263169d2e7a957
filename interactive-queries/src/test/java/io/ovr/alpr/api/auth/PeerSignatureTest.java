package io.ovr.alpr.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerSignatureTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final ApiKeys KEYS = ApiKeys.parse("a:viewer:key-aaaaaaaaaaaaaaaa,b:admin:key-bbbbbbbbbbbbbbbb");
    private static final PeerSignature.Signed REQUEST = new PeerSignature.Signed("/internal/v1/live/plate-latest",
            "key=AB12&partitions=0&purpose=x", "req-00000001", "10.0.0.1:8000", "192.0.2.7", "key-aaaaaaaaaaaaaaaa");

    @Test
    void shouldVerifyWhatASiblingInstanceSignedWithTheSameKeysWithinAMinute() {
        String header = PeerSignature.of(Optional.empty(), KEYS, NOW).sign(REQUEST);
        PeerSignature sibling = PeerSignature.of(Optional.empty(), ApiKeys.parse(
                "b:admin:key-bbbbbbbbbbbbbbbb,a:viewer:key-aaaaaaaaaaaaaaaa"), Clock.offset(NOW, Duration
                .ofSeconds(59)));

        assertThat(sibling.verify(REQUEST, header)).isTrue();
    }

    @Test
    void shouldRefuseAChangedRequestAnOldSignatureOtherKeysOrOtherSecrets() {
        String header = PeerSignature.of(Optional.empty(), KEYS, NOW).sign(REQUEST);
        PeerSignature.Signed otherPlate = new PeerSignature.Signed(REQUEST.path(), "key=XY99&partitions=0&purpose=x",
                REQUEST.requestId(), REQUEST.hop(), REQUEST.forwardedFor(), REQUEST.credentials());
        PeerSignature.Signed otherKey = new PeerSignature.Signed(REQUEST.path(), REQUEST.rawQuery(),
                REQUEST.requestId(), REQUEST.hop(), REQUEST.forwardedFor(), "key-bbbbbbbbbbbbbbbb");

        assertThat(PeerSignature.of(Optional.empty(), KEYS, NOW).verify(otherPlate, header)).isFalse();
        assertThat(PeerSignature.of(Optional.empty(), KEYS, NOW).verify(otherKey, header)).isFalse();
        assertThat(PeerSignature.of(Optional.empty(), KEYS, Clock.offset(NOW, Duration.ofSeconds(61)))
                .verify(REQUEST, header)).isFalse();
        assertThat(PeerSignature.of(Optional.empty(), ApiKeys.parse("a:viewer:key-aaaaaaaaaaaaaaaa"), NOW)
                .verify(REQUEST, header)).isFalse();
        assertThat(PeerSignature.of(Optional.of("cluster-secret"), KEYS, NOW).verify(REQUEST, header)).isFalse();
        assertThat(PeerSignature.of(Optional.empty(), KEYS, NOW).verify(REQUEST, null)).isFalse();
        assertThat(PeerSignature.of(Optional.empty(), KEYS, NOW).verify(REQUEST, "t=1,s=zz")).isFalse();
    }
}
