package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.identity.UserId;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;

/**
 * Teams of agents (Ventas Guatemala, Ventas El Salvador): a conversation can be assigned to a team, and a
 * channel's round robin can turn among one team's online members. Members are active users who may reply.
 */
@Service
public class InboxTeams {

    public record Member(UUID id, String name) {
    }

    public record Team(UUID id, String name, List<UUID> memberIds, List<Member> members) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final StaffDirectory staff;
    private final Clock clock;

    InboxTeams(JdbcClient jdbc, AuditTrail audit, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Team> list() {
        UUID tenant = TenantContext.require();
        Map<UUID, List<UUID>> members = new LinkedHashMap<>();
        jdbc.sql("select team_id, user_id from inbox_team_members where tenant_id = :t").param("t", tenant)
            .query((rs, n) -> members.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(rs.getObject(2, UUID.class)))
            .list();
        Map<UUID, String> names = UserId.plain(staff.namesOf(UserId.all(members.values().stream().flatMap(List::stream).toList())));
        return jdbc.sql("select id, name from inbox_teams where tenant_id = :t order by lower(name), id").param("t", tenant)
            .query((rs, n) -> team(rs.getObject(1, UUID.class), rs.getString(2),
                    members.getOrDefault(rs.getObject(1, UUID.class), List.of()), names))
            .list();
    }

    @Transactional(readOnly = true)
    public Team get(UUID id) {
        return list().stream().filter(t -> t.id().equals(id)).findFirst()
            .orElseThrow(() -> new NotFoundException("team"));
    }

    @Transactional
    public Team create(String name, List<UUID> memberIds) {
        Set<UUID> members = checkMembers(memberIds);
        UUID id = Ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("insert into inbox_teams (tenant_id, id, name, created_at, updated_at) values (:t, :id, :name, :now, :now)")
                .param("t", TenantContext.require()).param("id", id).param("name", name.trim()).param("now", now).update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("team-name-taken", name.trim());
        }
        saveMembers(id, members);
        Team created = get(id);
        audit.record(AuditAction.CREATE, "inbox_team", id, null, created);
        return created;
    }

    @Transactional
    public Team update(UUID id, String name, List<UUID> memberIds) {
        Team before = get(id);
        Set<UUID> members = checkMembers(memberIds);
        try {
            jdbc.sql("update inbox_teams set name = :name, updated_at = :now where tenant_id = :t and id = :id")
                .param("name", name.trim()).param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require())
                .param("id", id).update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("team-name-taken", name.trim());
        }
        jdbc.sql("delete from inbox_team_members where tenant_id = :t and team_id = :id").param("t", TenantContext.require())
            .param("id", id).update();
        saveMembers(id, members);
        Team after = get(id);
        audit.record(AuditAction.UPDATE, "inbox_team", id, before, after);
        return after;
    }

    /** Deletes the team: its conversations keep their agent but lose the team; its channels turn among every agent. */
    @Transactional
    public void delete(UUID id) {
        Team before = get(id);
        UUID tenant = TenantContext.require();
        jdbc.sql("update inbox_conversations set team_id = null, version = version + 1 where tenant_id = :t and team_id = :id")
            .param("t", tenant).param("id", id).update();
        jdbc.sql("update inbox_channels set assignment_team_id = null, version = version + 1 where tenant_id = :t and assignment_team_id = :id")
            .param("t", tenant).param("id", id).update();
        jdbc.sql("delete from inbox_teams where tenant_id = :t and id = :id").param("t", tenant).param("id", id).update();
        audit.record(AuditAction.DELETE, "inbox_team", id, before, null);
    }

    /** Whether the team exists in the current tenant. */
    boolean exists(UUID id) {
        return jdbc.sql("select count(*) from inbox_teams where tenant_id = :t and id = :id").param("t", TenantContext.require())
            .param("id", id).query(Long.class).single() > 0;
    }

    boolean isMember(UUID teamId, UUID userId) {
        return jdbc.sql("select count(*) from inbox_team_members where tenant_id = :t and team_id = :team and user_id = :u")
            .param("t", TenantContext.require()).param("team", teamId).param("u", userId).query(Long.class).single() > 0;
    }

    private Set<UUID> checkMembers(List<UUID> memberIds) {
        Set<UUID> members = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
        Set<UUID> agents = new java.util.HashSet<>();
        staff.activeWith("inbox:reply").forEach(m -> agents.add(m.id().value()));
        for (UUID member : members) {
            if (member == null || !agents.contains(member)) {
                throw new InvalidInputException("invalid-team-member", String.valueOf(member));
            }
        }
        return members;
    }

    private void saveMembers(UUID teamId, Set<UUID> members) {
        for (UUID member : members) {
            jdbc.sql("insert into inbox_team_members (tenant_id, team_id, user_id) values (:t, :team, :u)")
                .param("t", TenantContext.require()).param("team", teamId).param("u", member).update();
        }
    }

    private static Team team(UUID id, String name, List<UUID> memberIds, Map<UUID, String> names) {
        List<Member> members = memberIds.stream().map(m -> new Member(m, names.get(m)))
            .sorted(java.util.Comparator.comparing(m -> m.name() == null ? "" : m.name().toLowerCase(java.util.Locale.ROOT)))
            .toList();
        return new Team(id, name, members.stream().map(Member::id).toList(), members);
    }
}
