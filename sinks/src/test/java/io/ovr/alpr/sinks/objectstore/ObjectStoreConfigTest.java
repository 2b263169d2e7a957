package io.ovr.alpr.sinks.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.messages.LifecycleConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ObjectStoreConfigTest {

    private static ObjectStoreConfig config(Duration retention) {
        return new ObjectStoreConfig("http://localhost:9000", "k", "s", "alpr-images", null, retention);
    }

    @Test
    void shouldRoundRetentionUpToWholeDaysForTheLifecycleRule() {
        assertThat(config(Duration.ofDays(30)).retentionDays()).isEqualTo(30);
        assertThat(config(Duration.ofHours(25)).retentionDays()).isEqualTo(2);
        assertThat(config(Duration.ZERO).retentionDays()).isZero();
    }

    @Test
    void shouldBuildAnExpiryRuleForEveryObjectAfterTheRetention() {
        LifecycleConfiguration.Rule rule = ObjectStore.expiryRule(14).rules().get(0);

        assertThat(rule.expiration().days()).isEqualTo(14);
        assertThat(rule.filter().prefix()).isEmpty();
        assertThat(rule.id()).isEqualTo(ObjectStore.EXPIRY_RULE_ID);
    }

    @Test
    void shouldRejectInvalidBucketNamesAndNotPrintTheSecret() {
        assertThatThrownBy(() -> config(Duration.ZERO).withBucket("Bad_Bucket"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(config(Duration.ZERO).toString()).doesNotContain("secretKey").doesNotContain("=s,");
        assertThat(config(Duration.ZERO).region()).isEqualTo("us-east-1");
    }
}
