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
    void redactsUrlEncodedNamesAndKeepsEverythingElse() {
        assertThat(Redaction.query("pass%77ord=x&tokens=1")).isEqualTo("pass%77ord=[REDACTED]&tokens=1");
        assertThat(Redaction.query(null)).isNull();
        assertThat(Redaction.query("")).isEmpty();
        assertThat(Redaction.query("flag&q=jose")).isEqualTo("flag&q=jose");
    }
}
