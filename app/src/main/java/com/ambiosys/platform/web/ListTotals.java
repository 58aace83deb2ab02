package com.ambiosys.platform.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The total of a list page ({@link PageResponse#total()}): exact up to {@link #EXACT_UP_TO} (a count over
 * at most {@code EXACT_UP_TO + 1} rows), above that the planner's estimate (statistics kept by autovacuum,
 * never less than the exact part) with {@code totalEstimated}. Counting 100 000 rows costs more than the
 * page, hence the estimate. An estimate is kept for a few seconds per list and filter (the tenant and the
 * viewer are among the parameters), so paging through a long list does not count and explain again on
 * every page; exact totals are never kept.
 */
@Component
public class ListTotals {

    /** Totals above this are estimated. */
    public static final int EXACT_UP_TO = 1000;

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*([0-9.eE+]+)");

    private final JdbcClient jdbc;
    private final Cache<String, Total> estimates = Caffeine.newBuilder().maximumSize(10_000)
        .expireAfterWrite(Duration.ofSeconds(10)).build();

    ListTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A total: {@code counted} rows were counted (at most EXACT_UP_TO + 1), {@code value} is the one to show. */
    public record Total(long counted, long value, boolean estimated) {
    }

    /**
     * The total of {@code select ... from <fromWhere>} ("customers c where ..."), with the statement's
     * named parameters; {@code list} names the list in the cache.
     */
    public Total count(String list, String fromWhere, Map<String, Object> params) {
        Total kept = kept(list, params);
        if (kept != null) {
            return kept;
        }
        long counted = jdbc.sql("select count(*) from (select 1 from " + fromWhere + " limit " + (EXACT_UP_TO + 1) + ") x")
            .params(params).query(Long.class).single();
        return counted <= EXACT_UP_TO ? new Total(counted, counted, false) : estimate(list, fromWhere, params, counted);
    }

    /**
     * The estimate kept for {@code list} and these parameters (more than EXACT_UP_TO rows a few seconds
     * ago), or null: a caller that would find its total another way (ServiceRequests' text search) skips
     * that work as {@link #count} does.
     */
    public Total kept(String list, Map<String, Object> params) {
        return estimates.getIfPresent(key(list, params));
    }

    /** The planner's estimate of the rows of {@code fromWhere}, when more than EXACT_UP_TO were counted. */
    public Total estimate(String list, String fromWhere, Map<String, Object> params, long counted) {
        String plan = jdbc.sql("explain (format json) select 1 from " + fromWhere).params(params).query(String.class)
            .single();
        Matcher rows = PLAN_ROWS.matcher(plan);
        Total total = new Total(counted, rows.find() ? Math.max(counted, Math.round(Double.parseDouble(rows.group(1))))
                : counted, true);
        estimates.put(key(list, params), total);
        return total;
    }

    private static String key(String list, Map<String, Object> params) {
        StringBuilder key = new StringBuilder(list);
        params.forEach((name, value) -> key.append('|').append(name).append('=')
            .append(value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value)));
        return key.toString();
    }
}
