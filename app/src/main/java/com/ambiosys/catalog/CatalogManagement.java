package com.ambiosys.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.catalog.CatalogViews.CatalogItem;
import com.ambiosys.catalog.CatalogViews.ItemDetails;
import com.ambiosys.catalog.CatalogViews.ItemChanges;
import com.ambiosys.catalog.CatalogViews.ItemFilter;
import com.ambiosys.catalog.CatalogViews.NewItem;
import com.ambiosys.catalog.CatalogViews.PriceChange;
import com.ambiosys.catalog.CatalogViews.PriceHistoryEntry;
import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.identity.UserId;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

/** The catalog module's public service: products and services, their prices and price history. */
@Service
public class CatalogManagement {

    private static final Map<String, String> SORTS = Map.of("name", "lower(i.name)", "sku", "i.sku", "price", "i.price",
            "updatedAt", "i.updated_at", "category", "lower(c.name)");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SkuSequences skus;
    private final StaffDirectory staff;

    CatalogManagement(JdbcClient jdbc, AuditTrail audit, Clock clock, SkuSequences skus, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.skus = skus;
        this.staff = staff;
    }

    /** An item of the current tenant as other modules use it; empty if there is none with that id. */
    @Transactional(readOnly = true)
    public Optional<CatalogItem> findItem(UUID id) {
        return jdbc.sql("""
                select id, sku, name, unit, price, currency, vat_rate, active from catalog_items
                 where tenant_id = :t and id = :id
                """).param("t", TenantContext.require()).param("id", id)
            .query((rs, n) -> new CatalogItem(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("name"),
                    Unit.valueOf(rs.getString("unit")), rs.getBigDecimal("price"),
                    Currency.valueOf(rs.getString("currency")), rs.getBigDecimal("vat_rate"), rs.getBoolean("active")))
            .optional();
    }

    /** A new item takes the next SKU of its category's prefix; its first price opens the price history. */
    @Transactional
    public ItemDetails create(NewItem command) {
        CategoryRef category = category(command.categoryId());
        if (!category.active()) {
            throw new ConflictException("category-inactive", category.name());
        }
        UUID id = Ids.next();
        String sku = skus.next(category.skuPrefix());
        Timestamp now = Timestamp.from(clock.instant());
        UUID actor = CurrentUsers.current().map(CurrentUser::userId).orElse(null);
        jdbc.sql("""
                insert into catalog_items (tenant_id, id, category_id, kind, sku, name, description, unit, price, currency,
                                           vat_rate, active, created_at, updated_at, created_by)
                values (:t, :id, :category, :kind, :sku, :name, :description, :unit, :price, :currency, :vat, true,
                        :now, :now, :by)
                """)
            .param("t", TenantContext.require()).param("id", id).param("category", category.id())
            .param("kind", command.kind().name()).param("sku", sku).param("name", command.name().trim())
            .param("description", blankToNull(command.description())).param("unit", command.unit().name())
            .param("price", command.price()).param("currency", command.currency().name()).param("vat", command.vatRate())
            .param("now", now).param("by", actor)
            .update();
        recordPrice(id, null, null, command.price(), command.currency(), null, actor);
        ItemDetails created = get(id);
        audit.record(AuditAction.CREATE, "catalog_item", id, null, created);
        return created;
    }

    @Transactional(readOnly = true)
    public ItemDetails get(UUID id) {
        return jdbc.sql(SELECT + " where i.tenant_id = :t and i.id = :id")
            .param("t", TenantContext.require()).param("id", id)
            .query((rs, n) -> item(rs)).optional()
            .orElseThrow(() -> new NotFoundException("catalog-item"));
    }

    /**
     * Search by name or SKU (forgiving accents and case) within a category and everything under it: every word of
     * the query is found, each anywhere in the name or the SKU and in any order.
     */
    @Transactional(readOnly = true)
    public PageResponse<ItemDetails> search(ItemFilter filter, PageQuery page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().trim();
        params.put("t", TenantContext.require());
        params.put("q", q);
        params.put("category", filter.categoryId());
        params.put("kind", filter.kind() == null ? null : filter.kind().name());
        params.put("active", filter.active());
        params.put("currency", filter.currency() == null ? null : filter.currency().name());
        String where = """
                 where i.tenant_id = :t
                   and (cast(:q as text) is null or not exists (
                        select 1 from regexp_split_to_table(lower(f_unaccent(:q)), '[[:space:]]+') w
                         where w <> '' and lower(f_unaccent(i.name)) not like '%' || w || '%'
                           and i.sku not like '%' || upper(w) || '%'))
                   and (cast(:category as uuid) is null or i.category_id in (
                        with recursive sub as (
                            select id from catalog_categories where tenant_id = :t and id = :category
                            union all
                            select k.id from catalog_categories k join sub on k.parent_id = sub.id where k.tenant_id = :t)
                        select id from sub))
                   and (cast(:kind as text) is null or i.kind = :kind)
                   and (cast(:active as boolean) is null or i.active = :active)
                   and (cast(:currency as text) is null or i.currency = :currency)
                """;
        long total = jdbc.sql("select count(*) from catalog_items i" + where).params(params).query(Long.class).single();
        List<ItemDetails> items = jdbc.sql(SELECT + where + " order by " + order(filter.sort()) + ", i.id limit :limit offset :offset")
            .params(params).param("limit", page.sizeOrDefault()).param("offset", page.offset())
            .query((rs, n) -> item(rs)).list();
        return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total);
    }

    /** Changes what an item is; its SKU stays even when it moves to another category. */
    @Transactional
    public ItemDetails update(UUID id, ItemChanges changes) {
        ItemDetails before = get(id);
        CategoryRef category = category(changes.categoryId());
        int updated = jdbc.sql("""
                update catalog_items set category_id = :category, kind = :kind, name = :name, description = :description,
                       unit = :unit, vat_rate = :vat, updated_at = :now, version = version + 1
                 where tenant_id = :t and id = :id and (cast(:version as bigint) is null or version = :version)
                """)
            .param("category", category.id()).param("kind", changes.kind().name()).param("name", changes.name().trim())
            .param("description", blankToNull(changes.description())).param("unit", changes.unit().name())
            .param("vat", changes.vatRate()).param("now", Timestamp.from(clock.instant()))
            .param("t", TenantContext.require()).param("id", id).param("version", changes.version())
            .update();
        checkUpdated(updated);
        ItemDetails after = get(id);
        audit.record(AuditAction.UPDATE, "catalog_item", id, before, after);
        return after;
    }

    /** A new price (and maybe currency), kept in the history with who, when and why; the same price changes nothing. */
    @Transactional
    public ItemDetails changePrice(UUID id, PriceChange change) {
        return changePrice(id, change, CurrentUsers.current().map(CurrentUser::userId).orElse(null));
    }

    /** For demo data, which has no signed-in user: the price change is someone's. */
    @Transactional
    ItemDetails changePrice(UUID id, PriceChange change, UUID actor) {
        ItemDetails before = get(id);
        if (before.price().compareTo(change.price()) == 0 && before.currency() == change.currency()) {
            return before;
        }
        int updated = jdbc.sql("""
                update catalog_items set price = :price, currency = :currency, updated_at = :now, version = version + 1
                 where tenant_id = :t and id = :id and (cast(:version as bigint) is null or version = :version)
                """)
            .param("price", change.price()).param("currency", change.currency().name())
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("id", id)
            .param("version", change.version())
            .update();
        checkUpdated(updated);
        recordPrice(id, before.price(), before.currency(), change.price(), change.currency(), blankToNull(change.reason()),
                actor);
        ItemDetails after = get(id);
        audit.record(AuditAction.UPDATE, "catalog_item", id, before, after);
        return after;
    }

    /** Deactivated items stay (with their SKU, which is never given again) but are not offered any more. */
    @Transactional
    public ItemDetails setActive(UUID id, boolean active) {
        ItemDetails before = get(id);
        if (before.active() == active) {
            return before;
        }
        jdbc.sql("""
                update catalog_items set active = :active, updated_at = :now, version = version + 1
                 where tenant_id = :t and id = :id
                """)
            .param("active", active).param("now", Timestamp.from(clock.instant()))
            .param("t", TenantContext.require()).param("id", id).update();
        ItemDetails after = get(id);
        audit.record(AuditAction.UPDATE, "catalog_item", id, before, after);
        return after;
    }

    /** The prices an item had, newest first. */
    @Transactional(readOnly = true)
    public PageResponse<PriceHistoryEntry> priceHistory(UUID id, PageQuery page) {
        get(id);
        UUID tenant = TenantContext.require();
        long total = jdbc.sql("select count(*) from catalog_price_history where tenant_id = :t and item_id = :id")
            .param("t", tenant).param("id", id).query(Long.class).single();
        List<PriceHistoryEntry> rows = jdbc.sql("""
                select id, old_price, old_currency, new_price, new_currency, changed_by, changed_at, reason
                  from catalog_price_history where tenant_id = :t and item_id = :id
                 order by changed_at desc, id desc limit :limit offset :offset
                """)
            .param("t", tenant).param("id", id).param("limit", page.sizeOrDefault()).param("offset", page.offset())
            .query((rs, n) -> {
                UUID by = rs.getObject("changed_by", UUID.class);
                return new PriceHistoryEntry(rs.getObject("id", UUID.class), rs.getBigDecimal("old_price"),
                        currency(rs.getString("old_currency")), rs.getBigDecimal("new_price"),
                        currency(rs.getString("new_currency")), by,
                        null, rs.getTimestamp("changed_at").toInstant(), rs.getString("reason"));
            })
            .list();
        // the names of those who changed a price on this page only, in one look-up
        Map<UUID, String> names = UserId.plain(staff.namesOf(UserId.all(rows.stream().map(PriceHistoryEntry::changedBy).toList())));
        List<PriceHistoryEntry> entries = rows.stream().map(e -> e.changedBy() == null ? e : new PriceHistoryEntry(e.id(),
                e.oldPrice(), e.oldCurrency(), e.newPrice(), e.newCurrency(), e.changedBy(), names.get(e.changedBy()),
                e.changedAt(), e.reason())).toList();
        return new PageResponse<>(entries, page.pageOrDefault(), page.sizeOrDefault(), total);
    }

    private void recordPrice(UUID itemId, BigDecimal oldPrice, Currency oldCurrency, BigDecimal newPrice,
            Currency newCurrency, String reason, UUID actor) {
        jdbc.sql("""
                insert into catalog_price_history (tenant_id, id, item_id, old_price, old_currency, new_price, new_currency,
                                                   changed_by, changed_at, reason)
                values (:t, :id, :item, :oldPrice, :oldCurrency, :newPrice, :newCurrency, :by, :now, :reason)
                """)
            .param("t", TenantContext.require()).param("id", Ids.next()).param("item", itemId)
            .param("oldPrice", oldPrice).param("oldCurrency", oldCurrency == null ? null : oldCurrency.name()).param("newPrice", newPrice)
            .param("newCurrency", newCurrency.name()).param("by", actor).param("now", Timestamp.from(clock.instant()))
            .param("reason", reason)
            .update();
    }

    private record CategoryRef(UUID id, String name, String skuPrefix, boolean active) {
    }

    /** A category named in a request body: one that does not exist is a bad request, not a missing resource. */
    private CategoryRef category(UUID id) {
        return jdbc.sql("select id, name, sku_prefix, active from catalog_categories where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", id)
            .query((rs, n) -> new CategoryRef(rs.getObject("id", UUID.class), rs.getString("name"),
                    rs.getString("sku_prefix"), rs.getBoolean("active")))
            .optional().orElseThrow(() -> new InvalidInputException("unknown-category"));
    }

    private static void checkUpdated(int updated) {
        if (updated == 0) {
            throw new ConflictException("concurrent-change");
        }
    }

    private static String order(String sort) {
        if (sort == null || sort.isBlank()) {
            return SORTS.get("name");
        }
        boolean desc = sort.startsWith("-");
        String column = SORTS.get(desc ? sort.substring(1) : sort);
        if (column == null) {
            throw new InvalidInputException("unknown-sort", sort);
        }
        return column + (desc ? " desc" : "");
    }

    private static final String SELECT = """
            select i.id, i.category_id, c.name as category_name, i.kind, i.sku, i.name, i.description, i.unit, i.price,
                   i.currency, i.vat_rate, i.active, i.created_at, i.updated_at, i.version
              from catalog_items i
              join catalog_categories c on c.tenant_id = i.tenant_id and c.id = i.category_id
            """;

    private static ItemDetails item(ResultSet rs) throws SQLException {
        return new ItemDetails(rs.getObject("id", UUID.class), rs.getObject("category_id", UUID.class),
                rs.getString("category_name"), ItemKind.valueOf(rs.getString("kind")), rs.getString("sku"), rs.getString("name"),
                rs.getString("description"), Unit.valueOf(rs.getString("unit")), rs.getBigDecimal("price"),
                Currency.valueOf(rs.getString("currency")),
                rs.getBigDecimal("vat_rate"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private static Currency currency(String code) {
        return code == null ? null : Currency.valueOf(code);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
