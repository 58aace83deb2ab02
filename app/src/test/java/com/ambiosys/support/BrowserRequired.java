package com.ambiosys.support;

import java.nio.file.Files;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.io.ClassPathResource;

/**
 * Browser tests never vanish silently. Without Chromium or the built web application each test is skipped
 * on its own (so the report counts them, with the reason and how to run them); with {@code CI=true} they
 * fail instead, because a CI run that skips them has not tested the web application.
 */
public final class BrowserRequired implements ExecutionCondition {

    private static final java.io.PrintStream NATIVE_ERR = new java.io.PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.err), true, java.nio.charset.StandardCharsets.UTF_8);
    private static volatile boolean announced;

    /** Why browser tests cannot run here, or null when they can. */
    public static String missing() {
        if (!new ClassPathResource("static/index.html").exists()) {
            return "the web application was not built (-DskipWeb); build it with ./mvnw verify";
        }
        if (!Files.isExecutable(Chromium.EXECUTABLE)) {
            return "Chromium is not installed at " + Chromium.EXECUTABLE + "; install it with: apt-get install -y chromium";
        }
        return null;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return decide(missing(), "true".equalsIgnoreCase(System.getenv("CI")), context.getTestMethod().isPresent());
    }

    /** The decision, apart from the machine it is taken on: what is missing, whether this is CI, and for what. */
    static ConditionEvaluationResult decide(String missing, boolean ci, boolean forATest) {
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Chromium and the web application are here");
        }
        if (ci) {
            throw new IllegalStateException("Browser tests cannot be skipped with CI=true: " + missing);
        }
        if (!forATest) {
            // the class runs so that each of its tests is reported as skipped, one by one; the console says why
            // once (Surefire sends the tests' own output to files, but not the fork's native error stream)
            if (!announced) {
                announced = true;
                NATIVE_ERR.println("[WARNING] Browser tests are skipped: " + missing);
                NATIVE_ERR.flush();
            }
            return ConditionEvaluationResult.enabled("tests are skipped one by one");
        }
        return ConditionEvaluationResult.disabled("Browser test skipped: " + missing);
    }
}
