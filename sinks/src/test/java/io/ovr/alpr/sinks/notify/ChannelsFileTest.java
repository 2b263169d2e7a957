package io.ovr.alpr.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelsFileTest {

    private static List<ChannelConfig> read(String yaml, Map<String, String> env) throws IOException {
        return ChannelsFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), env::get);
    }

    @Test
    void shouldReadLimitsAndTakeTheWebhookSecretFromTheDefaultVariable() throws IOException {
        ChannelConfig hook = read("""
                channels:
                  - name: ops
                    type: webhook
                    url: https://hooks.example.org/alpr
                    timeout: 750ms
                    max-attempts: 6
                    backoff: 2s
                    rate-limit: 30/1m
                    min-priority: 3
                """, Map.of("ALPR_WEBHOOK_SECRET", "k")).get(0);

        assertThat(hook.secret()).isEqualTo("k");
        assertThat(hook.timeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(hook.maxAttempts()).isEqualTo(6);
        assertThat(hook.backoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(hook.rateLimit()).isEqualTo(30);
        assertThat(hook.ratePer()).isEqualTo(Duration.ofMinutes(1));
        assertThat(hook.minPriority()).isEqualTo(3);
        assertThat(hook.toString()).doesNotContain("k,");
    }

    @Test
    void shouldFailClearlyWhenANamedSecretIsNotSet() {
        assertThatThrownBy(() -> read("""
                channels:
                  - name: mail
                    type: email
                    smtp-host: localhost
                    from: a@example.org
                    to: [b@example.org]
                    username: alpr
                    password-env: MAIL_PASSWORD
                """, Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAIL_PASSWORD");
    }

    @Test
    void shouldRejectUnknownKeysAndChannelsWithoutAUrl() {
        assertThatThrownBy(() -> read("""
                channels:
                  - name: ops
                    type: webhook
                    urll: https://typo.example.org
                """, Map.of("ALPR_WEBHOOK_SECRET", "k"))).hasMessageContaining("urll");
        assertThatThrownBy(() -> read("""
                channels:
                  - name: slack
                    type: slack
                """, Map.of())).hasMessageContaining("needs an http(s) url");
    }
}
