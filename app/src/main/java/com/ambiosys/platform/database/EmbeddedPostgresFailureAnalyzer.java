package com.ambiosys.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start that fails because the embedded PostgreSQL did not start shows the one-line cause on top, as Spring Boot's
 * "APPLICATION FAILED TO START" report, instead of a long stack whose first line names a bean.
 */
class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the cause above, or set AMBIOSYS_DB_URL to use an external PostgreSQL (docs/operations.md).", cause);
    }
}
