package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.ambiosys.platform.logging.Redaction;

class RedactionTest {

    @Test
    void redactsSensitiveParametersWhateverTheirSpelling() {
        assertThat(Redaction.query("a=1&Password=x&REFRESH_TOKEN=y&access-token=z&accessToken=w&b=2"))
            .isEqualTo("a=1&Password=[REDACTED]&REFRESH_TOKEN=[REDACTED]&access-token=[REDACTED]&accessToken=[REDACTED]&b=2");
    }

    @Test
    void redactsChannelSecretsAndWhatIsDerivedFromThem() {
        for (String name : new String[] { "appSecret", "app_secret", "verifyToken", "hub.verify_token", "accessTokenHint",
                "appSecretHint", "verifyTokenHint", "verify_token_hash", "secretKey", "api_key" }) {
            assertThat(Redaction.isSensitive(name)).as(name).isTrue();
        }
        for (String name : new String[] { "name", "phoneNumberId", "tokens", "hub.challenge", "hub.mode", "wabaId" }) {
            assertThat(Redaction.isSensitive(name)).as(name).isFalse();
        }
        assertThat(Redaction.query("hub.mode=subscribe&hub.verify_token=verificar-123&hub.challenge=42"))
            .isEqualTo("hub.mode=subscribe&hub.verify_token=[REDACTED]&hub.challenge=42");
    }

    @Test
    void redactsUrlEncodedNamesAndKeepsEverythingElse() {
        assertThat(Redaction.query("pass%77ord=x&tokens=1")).isEqualTo("pass%77ord=[REDACTED]&tokens=1");
        assertThat(Redaction.query(null)).isNull();
        assertThat(Redaction.query("")).isEmpty();
        assertThat(Redaction.query("flag&q=jose")).isEqualTo("flag&q=jose");
    }
}
