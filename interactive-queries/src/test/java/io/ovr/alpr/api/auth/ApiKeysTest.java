package io.ovr.alpr.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void shouldAuthenticateKeysGivenByHashOrInClearWithTheirRoles() {
        String key = ApiKeys.generate();
        ApiKeys keys = ApiKeys.parse("ops:admin:sha256:" + ApiKeys.hash(key) + ", dev:VIEWER:dev-key-0123456789");

        assertThat(keys.authenticate(key)).contains(new Principal("ops", Role.ADMIN));
        assertThat(keys.authenticate("dev-key-0123456789")).contains(new Principal("dev", Role.VIEWER));
        assertThat(keys.authenticate("dev-key-012345678")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("x".repeat(10_000))).isEmpty();
    }

    @Test
    void shouldRejectMalformedEntriesWithoutEchoingTheKey() {
        assertThatThrownBy(() -> ApiKeys.parse("ops:root:secret-secret-secret"))
                .hasMessageContaining("ops").hasMessageContaining("role").hasMessageNotContaining("secret-secret");
        assertThatThrownBy(() -> ApiKeys.parse("ops:admin:short")).hasMessageContaining("16");
        assertThatThrownBy(() -> ApiKeys.parse("ops:admin:sha256:abc")).hasMessageContaining("64 hex");
        assertThatThrownBy(() -> ApiKeys.parse("a:viewer:same-key-0123456789,b:admin:same-key-0123456789"))
                .hasMessageContaining("twice");
    }

    @Test
    void shouldMakeRandomUrlSafeKeys() {
        String first = ApiKeys.generate();

        assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(ApiKeys.generate());
    }

    @Test
    void shouldOrderRolesSoEachIncludesTheOnesBelow() {
        assertThat(Role.ADMIN.includes(Role.INVESTIGATOR)).isTrue();
        assertThat(Role.INVESTIGATOR.includes(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.includes(Role.INVESTIGATOR)).isFalse();
        assertThat(Role.INVESTIGATOR.includes(Role.ADMIN)).isFalse();
    }
}
