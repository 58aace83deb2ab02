package com.ambiosys.platform.tx;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statements that read a large result a batch at a time, for exports. The PostgreSQL driver streams a result
 * through a cursor only when the statement has a fetch size and runs in a transaction (autocommit off); without
 * either it loads every row before handing over the first. So the caller runs in a (read-only) transaction and
 * reads through one of these.
 */
public final class StreamingReads {

    /** The rows read from the database at a time. */
    public static final int FETCH_SIZE = 500;

    private StreamingReads() {
    }

    /** Named-parameter statements with the fetch size set. */
    public static NamedParameterJdbcTemplate template(DataSource dataSource) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        return new NamedParameterJdbcTemplate(streaming);
    }

    /** A {@link JdbcClient} whose statements have the fetch size set. */
    public static JdbcClient client(DataSource dataSource) {
        return JdbcClient.create(template(dataSource));
    }
}
