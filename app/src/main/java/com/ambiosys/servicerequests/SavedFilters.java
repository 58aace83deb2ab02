package com.ambiosys.servicerequests;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.servicerequests.ServiceRequestViews.SavedFilter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Each user's named filters of the request list (the query string's parameters, kept as given). */
@Service
public class SavedFilters {

    static final int MAX_PER_USER = 30;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    SavedFilters(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SavedFilter> mine() {
        return jdbc.sql("select id, name, query::text from service_request_saved_filters where tenant_id = :t and user_id = :u order by name")
            .param("t", TenantContext.require()).param("u", user())
            .query((rs, n) -> new SavedFilter(rs.getObject(1, UUID.class), rs.getString(2), json.readValue(rs.getString(3), MAP)))
            .list();
    }

    @Transactional
    public SavedFilter save(String name, Map<String, Object> query) {
        if (mine().size() >= MAX_PER_USER) {
            throw new ConflictException("too-many-saved-filters", MAX_PER_USER);
        }
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                    insert into service_request_saved_filters (tenant_id, id, user_id, name, query, created_at)
                    values (:t, :id, :u, :name, cast(:query as jsonb), :now)
                    """).param("t", TenantContext.require()).param("id", id).param("u", user()).param("name", name.trim())
                .param("query", json.writeValueAsString(query)).param("now", Timestamp.from(clock.instant())).update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("saved-filter-name-taken", name.trim());
        }
        return new SavedFilter(id, name.trim(), query);
    }

    @Transactional
    public void delete(UUID id) {
        int deleted = jdbc.sql("delete from service_request_saved_filters where tenant_id = :t and user_id = :u and id = :id")
            .param("t", TenantContext.require()).param("u", user()).param("id", id).update();
        if (deleted == 0) {
            throw new NotFoundException("saved-filter");
        }
    }

    private static UUID user() {
        return CurrentUsers.current().orElseThrow().userId();
    }
}
