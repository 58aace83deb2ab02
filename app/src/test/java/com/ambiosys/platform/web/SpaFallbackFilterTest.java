package com.ambiosys.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which GETs are the web application's pages (index.html) and which belong to the server. */
class SpaFallbackFilterTest {

    static boolean page(String path) {
        return SpaConfiguration.SpaFallbackFilter.isPageRoute(new MockHttpServletRequest("GET", path));
    }

    @Test
    void pagesAreTheBrowsersRoutesAndNotTheServersOwnPaths() {
        assertThat(page("/customers/123")).isTrue();
        assertThat(page("/simulator")).isTrue();
        assertThat(page("/api/v1/customers")).isFalse();
        assertThat(page("/webhooks/whatsapp")).isFalse();
        assertThat(page("/favicon.ico")).isFalse();
        // the WhatsApp simulator's Graph API: the platform GETs media there and must get JSON and bytes
        assertThat(page("/simulator/graph/v23.0/1234567890")).isFalse();
        assertThat(page("/simulator/media/1234567890")).isFalse();
    }
}
