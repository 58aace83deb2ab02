package com.ambiosys.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderBearerTokenResolverTest {

    @Test
    void acceptsRfc6750TokensAndNothingElse() {
        assertThat(HeaderBearerTokenResolver.isToken68("eyJhbGciOiJFUzI1NiJ9.e30.sig-_~+/==")).isTrue();
        assertThat(HeaderBearerTokenResolver.isToken68("abc")).isTrue();
        assertThat(HeaderBearerTokenResolver.isToken68("")).isFalse();
        assertThat(HeaderBearerTokenResolver.isToken68("==")).isFalse();
        assertThat(HeaderBearerTokenResolver.isToken68("abc def")).isFalse();
        assertThat(HeaderBearerTokenResolver.isToken68("abc=d")).isFalse();
        assertThat(HeaderBearerTokenResolver.isToken68("ñ")).isFalse();
    }

    @Test
    void firewallRuleRejectsControlCharactersAndAcceptsAccents() {
        assertThat(SecurityConfiguration.isPrintable("es-GT,es;q=0.9")).isTrue();
        assertThat(SecurityConfiguration.isPrintable("José Pérez")).isTrue();
        assertThat(SecurityConfiguration.isPrintable("a\u0000b")).isFalse();
        assertThat(SecurityConfiguration.isPrintable("a\nb")).isFalse();
        assertThat(SecurityConfiguration.isPrintable("a\u0378b")).isFalse(); // unassigned
    }
}
