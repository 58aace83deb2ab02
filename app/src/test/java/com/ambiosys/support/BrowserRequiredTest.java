package com.ambiosys.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** Browser tests are counted when skipped, say how to run them, and are never skipped on CI. */
class BrowserRequiredTest {

    private static final String NO_CHROMIUM = "Chromium is not installed at /usr/bin/chromium; install it with: apt-get install -y chromium";

    @Test
    void withChromiumAndTheWebBuiltEveryBrowserTestRuns() {
        assertThat(BrowserRequired.decide(null, false, true).isDisabled()).isFalse();
        assertThat(BrowserRequired.decide(null, true, true).isDisabled()).isFalse();
    }

    @Test
    void withoutChromiumEachTestIsSkippedOnItsOwnWithHowToRunIt() {
        ConditionEvaluationResult test = BrowserRequired.decide(NO_CHROMIUM, false, true);
        assertThat(test.isDisabled()).isTrue();
        assertThat(test.getReason()).hasValueSatisfying(reason -> assertThat(reason).contains("apt-get install -y chromium"));
        // the class itself runs, so that its tests are reported one by one as skipped rather than not at all
        assertThat(BrowserRequired.decide(NO_CHROMIUM, false, false).isDisabled()).isFalse();
    }

    @Test
    void onCiAMissingChromiumFailsInsteadOfSkipping() {
        assertThatThrownBy(() -> BrowserRequired.decide(NO_CHROMIUM, true, true))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("CI=true").hasMessageContaining("chromium");
        assertThatThrownBy(() -> BrowserRequired.decide(NO_CHROMIUM, true, false)).isInstanceOf(IllegalStateException.class);
    }
}
