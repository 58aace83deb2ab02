package com.ambiosys.servicerequests;

import static com.ambiosys.servicerequests.ServiceRequestVisibility.visibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.tx.StreamingReads;

import com.ambiosys.servicerequests.ServiceRequestViews.Summary;

/**
 * Every request the list's filters select, in the list's order, for an export: read through a cursor (PostgreSQL
 * streams a result in a transaction with a fetch size) and named a batch at a time, so that a large export holds
 * one batch in memory, not the whole list.
 */
@Component
class ServiceRequestExport {

    static final int BATCH = StreamingReads.FETCH_SIZE;

    private final NamedParameterJdbcTemplate jdbc;
    private final ServiceRequestSearch search;

    ServiceRequestExport(DataSource dataSource, ServiceRequestSearch search) {
        this.jdbc = StreamingReads.template(dataSource);
        this.search = search;
    }

    /** Hands the selected requests (up to {@code limit}), named, to the consumer one by one; runs in a transaction. */
    void export(ServiceRequests.Filter filter, int limit, Consumer<Summary> consumer) {
        Map<String, Object> params = search.params(filter);
        params.put("limit", limit);
        boolean text = params.get("q") != null;
        String sort = filter.sort() == null || !ServiceRequestSearch.SORTS.containsKey(filter.sort()) ? "-createdAt"
                : filter.sort();
        String sql = "select " + ServiceRequestSearch.COLUMNS + ", st.name as type_name from service_requests r"
                + " join service_types st on st.tenant_id = r.tenant_id and st.id = r.service_type_id"
                + ServiceRequestSearch.FILTERS + visibility() + (text ? " and " + ServiceRequestSearch.MATCHING : "")
                + " order by " + ServiceRequestSearch.SORTS.get(sort) + " limit :limit";
        List<Summary> batch = new ArrayList<>(BATCH);
        jdbc.query(sql, params, rs -> {
            batch.add(ServiceRequestSearch.summary(rs));
            if (batch.size() == BATCH) {
                flush(batch, consumer);
            }
        });
        flush(batch, consumer);
    }

    private void flush(List<Summary> batch, Consumer<Summary> consumer) {
        search.named(batch).forEach(consumer);
        batch.clear();
    }
}
