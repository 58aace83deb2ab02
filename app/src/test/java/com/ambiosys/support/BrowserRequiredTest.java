package com.ambiosys.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Browser tests are counted when skipped, say how to run them, and are never skipped on CI; and every test
 * class that drives Chromium is guarded by {@link BrowserRequired}, so none of them loses that.
 */
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
        assertThat(test.getReason()).hasValueSatisfying(reason -> assertThat(reason).endsWith(": " + NO_CHROMIUM));
        // the class itself runs, so that its tests are reported one by one as skipped rather than not at all
        assertThat(BrowserRequired.decide(NO_CHROMIUM, false, false).isDisabled()).isFalse();
    }

    @Test
    void onCiAMissingChromiumFailsInsteadOfSkipping() {
        assertThatThrownBy(() -> BrowserRequired.decide(NO_CHROMIUM, true, true))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("CI=true").hasMessageContaining("chromium");
        assertThatThrownBy(() -> BrowserRequired.decide(NO_CHROMIUM, true, false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyTestClassThatDrivesChromiumIsGuardedByTheRequirement() throws ClassNotFoundException {
        Set<String> drivers = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("com.ambiosys")) {
            boolean drives = c.getDirectDependenciesFromSelf().stream().map(d -> d.getTargetClass())
                .anyMatch(t -> t.isEquivalentTo(Chromium.class) || t.getPackageName().startsWith("com.microsoft.playwright"));
            if (drives && !c.getPackageName().equals(BrowserRequired.class.getPackageName())) {
                drivers.add(c.getName().split("\\$")[0]); // nested classes are guarded by their top-level class
            }
        }
        assertThat(drivers).as("the browser tests found").contains("com.ambiosys.web.BrowserTest",
                "com.ambiosys.inbox.InboxBrowserTest");
        for (String name : drivers) {
            assertThat(AnnotationSupport.findRepeatableAnnotations(Class.forName(name), ExtendWith.class))
                .as("%s drives Chromium; it must be annotated @ExtendWith(BrowserRequired.class)", name)
                .anySatisfy(ext -> assertThat(ext.value()).contains(BrowserRequired.class));
        }
    }
}
