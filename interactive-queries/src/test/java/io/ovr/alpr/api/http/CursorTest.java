package io.ovr.alpr.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void shouldGiveBackTheValuesItWasMadeOfWithMicrosecondsAndAnyText() {
        Instant at = Instant.parse("2026-11-25T10:00:00.123456Z");
        UUID id = UUID.randomUUID();
        String encoded = Cursor.of("k", at, id, "site|with|bars", 42L).encode();

        Cursor decoded = Cursor.decode(encoded, "k", 4);

        assertThat(decoded.instant(0)).isEqualTo(at);
        assertThat(decoded.uuid(1)).isEqualTo(id);
        assertThat(decoded.text(2)).isEqualTo("site|with|bars");
        assertThat(decoded.number(3)).isEqualTo(42L);
        assertThat(encoded).matches("[A-Za-z0-9_\\-]+");
    }

    @Test
    void shouldRefuseCursorsOfAnotherKindShapeOrRangeAsA400NamingCursor() {
        String other = Cursor.of("other", Instant.EPOCH).encode();
        for (String bad : new String[] {other, "", "abc", "%%%%", raw("k|x"), raw("k|1|2|3"),
                raw("k|-1|0b6f9c1e-7d1a-4c1e-9d7e-2a4b5c6d7e8f"), raw("k|9223372036854775807|0b6f9c1e-7d1a-4c1e-9d7e-"
                + "2a4b5c6d7e8f"), raw("k|1|0b6f9c1e")}) {
            assertThatThrownBy(() -> {
                Cursor c = Cursor.decode(bad, "k", 2);
                c.instant(0);
                c.uuid(1);
            }).as(bad).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().field())
                    .isEqualTo("cursor"));
        }
    }

    private static String raw(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
