package com.ambiosys.catalog;

import java.sql.Timestamp;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.catalog.CatalogViews.Category;
import com.ambiosys.catalog.CatalogViews.NewCategory;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;

/**
 * The tree of categories. A tenant has tens of them, so the tree is read whole and checked in memory;
 * changes to it take a per-tenant lock, so two moves at once cannot build a cycle between them.
 */
@Service
public class CatalogCategories {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    CatalogCategories(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every category, depth first, siblings by name (Spanish collation). */
    @Transactional(readOnly = true)
    public List<Category> tree() {
        return tree(rows());
    }

    @Transactional(readOnly = true)
    public Category get(UUID id) {
        return tree().stream().filter(c -> c.id().equals(id)).findFirst()
            .orElseThrow(() -> new NotFoundException("catalog-category"));
    }

    @Transactional
    public Category create(NewCategory command) {
        lockTree();
        List<Category> tree = tree();
        String prefix = prefix(command.skuPrefix());
        if (command.parentId() != null) {
            Category parent = parent(tree, command.parentId());
            if (parent.depth() + 1 > CatalogViews.MAX_DEPTH) {
                throw new ConflictException("category-too-deep", CatalogViews.MAX_DEPTH);
            }
        }
        checkPrefixFree(tree, prefix, null);
        UUID id = Ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into catalog_categories (tenant_id, id, parent_id, name, sku_prefix, description, active,
                                                created_at, updated_at)
                values (:t, :id, :parent, :name, :prefix, :description, :active, :now, :now)
                """)
            .param("t", TenantContext.require()).param("id", id).param("parent", command.parentId())
            .param("name", command.name().trim()).param("prefix", prefix).param("description", blankToNull(command.description()))
            .param("active", command.active()).param("now", now)
            .update();
        Category created = get(id);
        audit.record(AuditAction.CREATE, "catalog_category", id, null, snapshot(created));
        return created;
    }

    /** Renames, moves (never under itself or its descendants, never deeper than the limit) or (de)activates. */
    @Transactional
    public Category update(UUID id, NewCategory command) {
        lockTree();
        List<Category> tree = tree();
        Category before = find(tree, id);
        String prefix = prefix(command.skuPrefix());
        if (command.parentId() != null && !command.parentId().equals(before.parentId())) {
            Category parent = parent(tree, command.parentId());
            if (parent.id().equals(id) || isAncestor(tree, id, parent.id())) {
                throw new ConflictException("category-cycle", before.name(), parent.name());
            }
            if (parent.depth() + height(tree, id) > CatalogViews.MAX_DEPTH) {
                throw new ConflictException("category-too-deep", CatalogViews.MAX_DEPTH);
            }
        }
        checkPrefixFree(tree, prefix, id);
        jdbc.sql("""
                update catalog_categories set parent_id = :parent, name = :name, sku_prefix = :prefix,
                       description = :description, active = :active, updated_at = :now
                 where tenant_id = :t and id = :id
                """)
            .param("parent", command.parentId()).param("name", command.name().trim()).param("prefix", prefix)
            .param("description", blankToNull(command.description())).param("active", command.active())
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("id", id)
            .update();
        Category after = get(id);
        audit.record(AuditAction.UPDATE, "catalog_category", id, snapshot(before), snapshot(after));
        return after;
    }

    /** Only an empty category goes: no subcategories and no items (items are never deleted, only deactivated). */
    @Transactional
    public void delete(UUID id) {
        lockTree();
        Category before = find(tree(), id);
        if (before.childCount() > 0 || before.itemCount() > 0) {
            throw new ConflictException("category-not-empty", before.name(), before.childCount(), before.itemCount());
        }
        try {
            jdbc.sql("delete from catalog_categories where tenant_id = :t and id = :id")
                .param("t", TenantContext.require()).param("id", id).update();
        }
        catch (org.springframework.dao.DataIntegrityViolationException ex) {
            // an item was added to it since the check (item creation does not take the tree's lock)
            throw new ConflictException("category-not-empty", before.name(), before.childCount(), before.itemCount() + 1);
        }
        audit.record(AuditAction.DELETE, "catalog_category", id, snapshot(before), null);
    }

    private record Row(UUID id, UUID parentId, String name, String skuPrefix, String description, boolean active,
            long childCount, long itemCount, Instant createdAt, Instant updatedAt) {
    }

    private List<Row> rows() {
        return jdbc.sql("""
                select c.id, c.parent_id, c.name, c.sku_prefix, c.description, c.active, c.created_at, c.updated_at,
                       (select count(*) from catalog_categories k where k.tenant_id = c.tenant_id and k.parent_id = c.id) as children,
                       (select count(*) from catalog_items i where i.tenant_id = c.tenant_id and i.category_id = c.id) as items
                  from catalog_categories c where c.tenant_id = :t
                """).param("t", TenantContext.require())
            .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
                    rs.getString("name"), rs.getString("sku_prefix"), rs.getString("description"), rs.getBoolean("active"),
                    rs.getLong("children"), rs.getLong("items"), rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant()))
            .list();
    }

    private static List<Category> tree(List<Row> rows) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("es"));
        collator.setStrength(Collator.PRIMARY);
        Map<UUID, List<Row>> children = new HashMap<>();
        rows.forEach(r -> children.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r));
        children.values().forEach(list -> list.sort(Comparator.comparing(Row::name, collator).thenComparing(Row::id)));
        List<Category> out = new ArrayList<>();
        walk(children, null, 1, "", out);
        return out;
    }

    private static void walk(Map<UUID, List<Row>> children, UUID parent, int depth, String path, List<Category> out) {
        for (Row r : children.getOrDefault(parent, List.of())) {
            String own = path.isEmpty() ? r.name() : path + " / " + r.name();
            out.add(new Category(r.id(), r.parentId(), r.name(), r.skuPrefix(), r.description(), r.active(), depth, own,
                    r.childCount(), r.itemCount(), r.createdAt(), r.updatedAt()));
            walk(children, r.id(), depth + 1, own, out);
        }
    }

    /** Serialises changes to the tenant's tree (a transaction-scoped advisory lock). */
    private void lockTree() {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('catalog_categories:' || :t, 0))) l")
            .param("t", TenantContext.require().toString()).query(Integer.class).single();
    }

    private static Category find(List<Category> tree, UUID id) {
        return tree.stream().filter(c -> c.id().equals(id)).findFirst()
            .orElseThrow(() -> new NotFoundException("catalog-category"));
    }

    private static Category parent(List<Category> tree, UUID parentId) {
        return tree.stream().filter(c -> c.id().equals(parentId)).findFirst()
            .orElseThrow(() -> new InvalidInputException("unknown-category"));
    }

    /** Whether {@code ancestor} lies on the way from {@code id} up to its root. */
    private static boolean isAncestor(List<Category> tree, UUID ancestor, UUID id) {
        Map<UUID, UUID> parents = new HashMap<>();
        tree.forEach(c -> parents.put(c.id(), c.parentId()));
        for (UUID at = parents.get(id); at != null; at = parents.get(at)) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** Levels from the category down to its deepest descendant, itself included (a leaf is 1). */
    private static int height(List<Category> tree, UUID id) {
        int height = 1;
        for (Category c : tree) {
            if (!c.id().equals(id) && isAncestor(tree, id, c.id())) {
                height = Math.max(height, c.depth() - find(tree, id).depth() + 1);
            }
        }
        return height;
    }

    private static void checkPrefixFree(List<Category> tree, String prefix, UUID self) {
        tree.stream().filter(c -> c.skuPrefix().equals(prefix) && !Objects.equals(c.id(), self)).findFirst()
            .ifPresent(c -> {
                throw new ConflictException("sku-prefix-taken", prefix, c.name());
            });
    }

    private static String prefix(String prefix) {
        String normalized = prefix.trim().toUpperCase(Locale.ROOT);
        if (!normalized.matches("[A-Z0-9]{2,6}")) {
            throw new InvalidInputException("invalid-sku-prefix", prefix);
        }
        return normalized;
    }

    private static Map<String, Object> snapshot(Category c) {
        Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("parentId", c.parentId() == null ? "" : c.parentId().toString());
        snapshot.put("name", c.name());
        snapshot.put("skuPrefix", c.skuPrefix());
        snapshot.put("description", c.description() == null ? "" : c.description());
        snapshot.put("active", c.active());
        return snapshot;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
