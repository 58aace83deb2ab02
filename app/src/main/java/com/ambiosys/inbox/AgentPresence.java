package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;

/**
 * Who of the inbox's agents is online, and whose turn it is. An agent is online when their status is
 * ONLINE and their live stream beat within {@link #ONLINE_WINDOW} (the stream writes {@code last_seen} on
 * connect and on every heartbeat, in the database, so it holds across instances). The round robin turns
 * among the online agents (of a team, or every agent who may reply) in the order of their ids, from a
 * cursor row per tenant and team that each assignment locks: two conversations at once take two turns.
 */
@Service
public class AgentPresence {

    /** An agent as the inbox shows them. @param status ONLINE or AWAY (what they chose; ONLINE until they choose) */
    public record Agent(UUID id, String name, PresenceStatus status, boolean online, long openConversations) {
    }

    static final Duration ONLINE_WINDOW = Duration.ofSeconds(60);
    /** The cursor's scope when the round robin turns among every agent of the tenant (no team). */
    static final UUID ALL_AGENTS = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final Clock clock;

    AgentPresence(JdbcClient jdbc, StaffDirectory staff, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's own status. */
    @Transactional
    public Agent setStatus(PresenceStatus status) {
        UUID user = CurrentUsers.current().map(u -> u.userId()).orElseThrow(() -> new NotFoundException("user"));
        UUID tenant = TenantContext.require();
        String before = jdbc.sql("select status from inbox_agent_presence where tenant_id = :t and user_id = :u")
            .param("t", tenant).param("u", user).query(String.class).optional().orElse("ONLINE");
        jdbc.sql("""
                insert into inbox_agent_presence (tenant_id, user_id, status, updated_at) values (:t, :u, :s, :now)
                on conflict (tenant_id, user_id) do update set status = excluded.status, updated_at = excluded.updated_at
                """).param("t", tenant).param("u", user).param("s", status.name()).param("now", Timestamp.from(clock.instant()))
            .update();
        audit.record(AuditAction.UPDATE, "inbox_agent_presence", user, Map.of("status", before), Map.of("status", status));
        return agents().stream().filter(a -> a.id().equals(user)).findFirst()
            .orElseGet(() -> new Agent(user, null, status, false, 0));
    }

    /** Every active user who may reply, with status, whether online, and how many unresolved conversations they own. */
    @Transactional(readOnly = true)
    public List<Agent> agents() {
        UUID tenant = TenantContext.require();
        Instant since = clock.instant().minus(ONLINE_WINDOW);
        Map<UUID, String[]> presence = new HashMap<>();
        jdbc.sql("select user_id, status, last_seen from inbox_agent_presence where tenant_id = :t").param("t", tenant)
            .query((rs, n) -> presence.put(rs.getObject(1, UUID.class), new String[] { rs.getString(2),
                    rs.getTimestamp(3) != null && !rs.getTimestamp(3).toInstant().isBefore(since) ? "y" : "n" }))
            .list();
        Map<UUID, Long> open = new HashMap<>();
        jdbc.sql("""
                select assignee_id, count(*) from inbox_conversations
                 where tenant_id = :t and assignee_id is not null and status <> 'RESOLVED' group by assignee_id
                """).param("t", tenant).query((rs, n) -> open.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        return staff.activeWith("inbox:reply").stream().map(m -> {
            UUID id = m.id().value();
            String[] p = presence.getOrDefault(id, new String[] { "ONLINE", "n" });
            return new Agent(id, m.fullName(), PresenceStatus.valueOf(p[0]), "ONLINE".equals(p[0]) && "y".equals(p[1]),
                    open.getOrDefault(id, 0L));
        }).toList();
    }

    /** The stream of these users is open on this instance now (called in the tenant's transaction). */
    void seen(UUID tenant, Collection<UUID> users) {
        Timestamp now = Timestamp.from(clock.instant());
        for (UUID user : users) {
            jdbc.sql("""
                    insert into inbox_agent_presence (tenant_id, user_id, status, last_seen, updated_at)
                    values (:t, :u, 'ONLINE', :now, :now)
                    on conflict (tenant_id, user_id) do update set last_seen = excluded.last_seen
                    """).param("t", tenant).param("u", user).param("now", now).update();
        }
    }

    /**
     * Whose turn it is among the online agents of the team (null: every agent who may reply), in the caller's
     * transaction, which holds the cursor's lock until it commits; empty when no one is online.
     */
    java.util.Optional<UUID> nextAgent(UUID tenant, UUID teamId) {
        UUID scope = teamId == null ? ALL_AGENTS : teamId;
        jdbc.sql("insert into inbox_assignment_cursors (tenant_id, scope) values (:t, :s) on conflict do nothing")
            .param("t", tenant).param("s", scope).update();
        UUID last = jdbc.sql("select last_user_id from inbox_assignment_cursors where tenant_id = :t and scope = :s for update")
            .param("t", tenant).param("s", scope)
            .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).single().orElse(null);
        List<UUID> candidates = online(tenant, teamId);
        if (candidates.isEmpty()) {
            return java.util.Optional.empty();
        }
        UUID next = candidates.stream().filter(c -> last != null && c.compareTo(last) > 0).findFirst()
            .orElse(candidates.get(0));
        jdbc.sql("update inbox_assignment_cursors set last_user_id = :u where tenant_id = :t and scope = :s")
            .param("u", next).param("t", tenant).param("s", scope).update();
        return java.util.Optional.of(next);
    }

    /** Whether the user is online now. */
    boolean isOnline(UUID tenant, UUID user) {
        return jdbc.sql("""
                select count(*) from inbox_agent_presence
                 where tenant_id = :t and user_id = :u and status = 'ONLINE' and last_seen >= :since
                """).param("t", tenant).param("u", user).param("since", Timestamp.from(clock.instant().minus(ONLINE_WINDOW)))
            .query(Long.class).single() > 0;
    }

    /** Online agents who may reply (members of the team when one is given), ordered by id (UUID order, as Java compares). */
    private List<UUID> online(UUID tenant, UUID teamId) {
        Set<UUID> agents = new HashSet<>();
        staff.activeWith("inbox:reply").forEach(m -> agents.add(m.id().value()));
        return jdbc.sql("""
                select p.user_id from inbox_agent_presence p
                 where p.tenant_id = :t and p.status = 'ONLINE' and p.last_seen >= :since
                   and (cast(:team as uuid) is null or exists (select 1 from inbox_team_members m
                         where m.tenant_id = p.tenant_id and m.team_id = :team and m.user_id = p.user_id))
                """).param("t", tenant).param("since", Timestamp.from(clock.instant().minus(ONLINE_WINDOW)))
            .param("team", teamId).query(UUID.class).list().stream().filter(agents::contains).sorted().toList();
    }
}
