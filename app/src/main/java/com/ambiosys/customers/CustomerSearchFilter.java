package com.ambiosys.customers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.ambiosys.platform.phones.Phones;
import com.ambiosys.platform.tenancy.TenantContext;

/** The filters of the list, the search and the export, as SQL over {@code customers c}. */
final class CustomerSearchFilter {
    private final Map<String, Object> params = new LinkedHashMap<>(CustomerVisibility.visibilityParams());
    private final boolean text;
    private final boolean narrowed;

    CustomerSearchFilter(CustomerViews.CustomerFilter criteria) {
        String q = criteria.q();
        String text = q == null || q.isBlank() ? null : q.trim();
        String tag = criteria.tag() == null || criteria.tag().isBlank() ? null : criteria.tag();
        params.put("t", TenantContext.require());
        params.put("status", criteria.status() == null ? null : criteria.status().name());
        params.put("owner", criteria.ownerId());
        params.put("department", criteria.departmentId());
        params.put("tag", tag == null ? null : tag.trim().toLowerCase(Locale.ROOT));
        params.put("q", text);
        params.put("digits", text == null ? "" : Phones.digits(text));
        this.text = text != null;
        this.narrowed = criteria.status() != null || criteria.ownerId() != null || tag != null
                || criteria.departmentId() != null;
    }

    /** Whether a text is searched. */
    boolean text() {
        return text;
    }

    /** Whether a filter other than the text narrows the list. */
    boolean narrowed() {
        return narrowed;
    }

    String where() {
        return whereBesidesText() + """
                   and (cast(:q as text) is null
                        or c.id = any(array(select customers_matching(:q, :digits))))
                """;
    }

    /** Every condition but the text's (the text search joins customers_search instead). */
    String whereBesidesText() {
        return """
                 where c.tenant_id = :t and c.status <> 'DELETED'
                   and (cast(:status as text) is null or c.status = :status)
                   and (cast(:owner as uuid) is null or c.owner_id = :owner)
                   and (cast(:tag as text) is null or :tag = any(c.tags))
                   and (cast(:department as text) is null
                        or exists (select 1 from customer_addresses a
                                    where a.tenant_id = c.tenant_id and a.customer_id = c.id
                                      and a.department_id = :department))
                """ + CustomerVisibility.visibility();
    }

    Map<String, Object> params() {
        return params;
    }
}
