package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import com.ambiosys.customers.CustomerManagement;
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

/**
 * Conversations of the inbox: every inbound message lands in its contact's open conversation; a snoozed
 * one wakes up; a resolved one reopens when the contact writes within the channel's reopen window
 * (24 h by default), otherwise a new conversation starts. Staff change the status, assign, label and
 * write private notes. Contacts are linked to CRM customers by phone: suggested, then confirmed.
 */
@Service
public class Conversations {

    public record ConversationSummary(UUID id, UUID channelId, UUID contactId, String contactName, String contactPhone, UUID customerId,
            ConversationStatus status, ConversationPriority priority, UUID assigneeId, String assigneeName, UUID teamId, String teamName,
            List<String> labels, Instant lastMessageAt,
            String lastMessage, Instant snoozedUntil) {
    }

    public record Note(UUID id, UUID authorId, String authorName, String body, Instant createdAt) {
    }

    public record Conversation(ConversationSummary summary, boolean customerConfirmed, String customerName, List<Note> notes) {
    }

    /** @param customerId the conversations of the contacts confirmed as that CRM customer */
    public record Filter(ConversationStatus status, UUID assigneeId, String label, UUID channelId, Boolean unassigned, UUID teamId,
            UUID customerId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final StaffDirectory staff;
    private final CustomerManagement customers;
    private final InboxEvents events;
    private final InboxTeams teams;
    private final AgentPresence presence;

    Conversations(JdbcClient jdbc, Clock clock, AuditTrail audit, StaffDirectory staff, CustomerManagement customers,
            InboxEvents events, InboxTeams teams, AgentPresence presence) {
        this.events = events;
        this.teams = teams;
        this.presence = presence;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.staff = staff;
        this.customers = customers;
    }

    /** Puts a newly stored inbound message into its conversation (inside the webhook's tenant transaction). */
    UUID attachInbound(UUID tenant, UUID channelId, UUID contactId, String externalId, Instant sentAt) {
        Instant now = clock.instant();
        UUID conversation = jdbc.sql("""
                select id from inbox_conversations where tenant_id = :t and contact_id = :c and status <> 'RESOLVED' for update
                """).param("t", tenant).param("c", contactId).query(UUID.class).optional().orElse(null);
        if (conversation == null) {
            conversation = reopenOrStart(tenant, channelId, contactId, now);
            autoAssign(tenant, channelId, conversation, now);
        }
        jdbc.sql("""
                update inbox_conversations set status = case when status = 'SNOOZED' then 'OPEN' else status end,
                       snoozed_until = case when status = 'SNOOZED' then null else snoozed_until end,
                       last_message_at = greatest(last_message_at, :sent), updated_at = :now
                 where tenant_id = :t and id = :id
                """).param("sent", Timestamp.from(sentAt)).param("now", Timestamp.from(now)).param("t", tenant)
            .param("id", conversation).update();
        jdbc.sql("update inbox_messages set conversation_id = :conv where tenant_id = :t and channel_id = :ch and external_id = :e")
            .param("conv", conversation).param("t", tenant).param("ch", channelId).param("e", externalId).update();
        return conversation;
    }

    private UUID reopenOrStart(UUID tenant, UUID channelId, UUID contactId, Instant now) {
        int reopenHours = jdbc.sql("select reopen_hours from inbox_channels where tenant_id = :t and id = :id")
            .param("t", tenant).param("id", channelId).query(Integer.class).single();
        UUID reopened = jdbc.sql("""
                update inbox_conversations set status = 'OPEN', resolved_at = null, updated_at = :now, version = version + 1
                 where tenant_id = :t and id = (select id from inbox_conversations
                                                 where tenant_id = :t and contact_id = :c and status = 'RESOLVED'
                                                   and resolved_at >= :since
                                                 order by resolved_at desc limit 1)
                returning id
                """).param("now", Timestamp.from(now)).param("t", tenant).param("c", contactId)
            .param("since", Timestamp.from(now.minus(Duration.ofHours(reopenHours)))).query(UUID.class).optional()
            .orElse(null);
        if (reopened != null) {
            return reopened;
        }
        UUID id = Ids.next();
        int inserted = jdbc.sql("""
                insert into inbox_conversations (tenant_id, id, channel_id, contact_id, status, last_message_at, created_at,
                                                 updated_at)
                values (:t, :id, :ch, :c, 'OPEN', :now, :now, :now) on conflict do nothing
                """).param("t", tenant).param("id", id).param("ch", channelId).param("c", contactId)
            .param("now", Timestamp.from(now)).update();
        if (inserted == 0) { // another webhook of the same contact started it a moment ago
            return jdbc.sql("select id from inbox_conversations where tenant_id = :t and contact_id = :c and status <> 'RESOLVED'")
                .param("t", tenant).param("c", contactId).query(UUID.class).single();
        }
        return id;
    }

    /**
     * A new or reopened conversation of a ROUND_ROBIN channel goes to the next online agent (of the channel's
     * team, or of every agent); one whose agent is still online keeps them. No one online: it stays unassigned.
     */
    private void autoAssign(UUID tenant, UUID channelId, UUID conversation, Instant now) {
        Map<String, Object> rule = jdbc.sql("select assignment_mode, assignment_team_id from inbox_channels where tenant_id = :t and id = :id")
            .param("t", tenant).param("id", channelId).query().singleRow();
        if (!"ROUND_ROBIN".equals(rule.get("assignment_mode"))) {
            return;
        }
        UUID team = (UUID) rule.get("assignment_team_id");
        UUID current = jdbc.sql("select assignee_id from inbox_conversations where tenant_id = :t and id = :id")
            .param("t", tenant).param("id", conversation)
            .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).single().orElse(null);
        if (current != null && presence.isOnline(tenant, current)
                && (team == null || teams.isMember(team, current))) {
            return;
        }
        presence.nextAgent(tenant, team).ifPresent(agent -> {
            jdbc.sql("""
                    update inbox_conversations set assignee_id = :a, team_id = coalesce(:team, team_id), updated_at = :now,
                           version = version + 1 where tenant_id = :t and id = :id
                    """).param("a", agent).param("team", team).param("now", Timestamp.from(now)).param("t", tenant)
                .param("id", conversation).update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("conversationId", conversation);
            payload.put("assigneeId", agent.toString());
            payload.put("teamId", team == null ? null : team.toString());
            payload.put("automatic", true);
            events.publish(tenant, "conversation.assigned", conversation, payload);
        });
    }

    /** Suggests the CRM customer of a new inbox contact by its phone (staff confirm or change it). */
    void suggestCustomer(UUID tenant, UUID contactId, String phone) {
        customers.findByPhone(phone).ifPresent(customer -> jdbc.sql("""
                update inbox_contacts set customer_id = :customer where tenant_id = :t and id = :id and customer_id is null
                """).param("customer", customer.id()).param("t", tenant).param("id", contactId).update());
    }

    @Transactional(readOnly = true)
    public PageResponse<ConversationSummary> list(Filter filter, PageQuery page) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("t", TenantContext.require());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("assignee", filter.assigneeId());
        params.put("label", filter.label() == null ? null : filter.label().toLowerCase(Locale.ROOT));
        params.put("channel", filter.channelId());
        params.put("unassigned", Boolean.TRUE.equals(filter.unassigned()));
        params.put("team", filter.teamId());
        params.put("customer", filter.customerId());
        String where = """
                 where v.tenant_id = :t
                   and (cast(:status as text) is null or v.status = :status)
                   and (cast(:assignee as uuid) is null or v.assignee_id = :assignee)
                   and (not :unassigned or v.assignee_id is null)
                   and (cast(:label as text) is null or :label = any(v.labels))
                   and (cast(:channel as uuid) is null or v.channel_id = :channel)
                   and (cast(:team as uuid) is null or v.team_id = :team)
                   and (cast(:customer as uuid) is null or v.contact_id in (
                        select c.id from inbox_contacts c
                         where c.tenant_id = v.tenant_id and c.customer_id = :customer and c.customer_confirmed))
                """;
        long total = jdbc.sql("select count(*) from inbox_conversations v" + where).params(params).query(Long.class).single();
        List<ConversationSummary> rows = jdbc.sql(SUMMARY + where + " order by v.last_message_at desc, v.id desc limit :limit offset :offset")
            .params(params).param("limit", page.sizeOrDefault()).param("offset", page.offset())
            .query((rs, n) -> summary(rs)).list();
        Map<UUID, String> names = UserId.plain(staff.namesOf(UserId.all(rows.stream().map(ConversationSummary::assigneeId).toList())));
        List<ConversationSummary> items = rows.stream().map(row -> named(row, names)).toList();
        return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total);
    }

    @Transactional(readOnly = true)
    public Conversation get(UUID id) {
        UUID tenant = TenantContext.require();
        ConversationSummary row = jdbc.sql(SUMMARY + " where v.tenant_id = :t and v.id = :id").param("t", tenant).param("id", id)
            .query((rs, n) -> summary(rs)).optional().orElseThrow(() -> new NotFoundException("conversation"));
        boolean confirmed = jdbc.sql("select customer_confirmed from inbox_contacts where tenant_id = :t and id = :id")
            .param("t", tenant).param("id", row.contactId()).query(Boolean.class).single();
        String customerName = row.customerId() == null ? null : customers.findName(row.customerId()).orElse(null);
        List<Note> noteRows = jdbc.sql("""
                select id, author_id, body, created_at from inbox_notes where tenant_id = :t and conversation_id = :id
                 order by created_at, id
                """).param("t", tenant).param("id", id)
            .query((rs, n) -> new Note(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), null, rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
            .list();
        // who is named here: the assignee and the notes' authors, in one look-up
        Map<UUID, String> names = UserId.plain(staff.namesOf(UserId.all(java.util.stream.Stream.concat(
                java.util.stream.Stream.of(row.assigneeId()), noteRows.stream().map(Note::authorId)).toList())));
        List<Note> notes = noteRows.stream().map(note -> note.authorId() == null ? note : new Note(note.id(), note.authorId(),
                names.get(note.authorId()), note.body(), note.createdAt())).toList();
        return new Conversation(named(row, names), confirmed, customerName, notes);
    }

    /** OPEN, PENDING, SNOOZED (until a time, or the next inbound message) or RESOLVED. */
    @Transactional
    public Conversation changeStatus(UUID id, ConversationStatus status, Instant snoozedUntil) {
        Conversation before = get(id);
        Instant now = clock.instant();
        if (status == ConversationStatus.SNOOZED && snoozedUntil != null && !snoozedUntil.isAfter(now)) {
            throw new InvalidInputException("snooze-in-the-past");
        }
        if (status != ConversationStatus.RESOLVED && before.summary().status() == ConversationStatus.RESOLVED) {
            // a resolved conversation comes back only if the contact has no other one going
            long others = jdbc.sql("select count(*) from inbox_conversations where tenant_id = :t and contact_id = :c and status <> 'RESOLVED'")
                .param("t", TenantContext.require()).param("c", before.summary().contactId()).query(Long.class).single();
            if (others > 0) {
                throw new ConflictException("contact-has-open-conversation");
            }
        }
        jdbc.sql("""
                update inbox_conversations set status = :status, snoozed_until = :until,
                       resolved_at = case when :status = 'RESOLVED' then cast(:now as timestamptz) else null end,
                       updated_at = :now, version = version + 1
                 where tenant_id = :t and id = :id
                """).param("status", status.name()).param("until", status == ConversationStatus.SNOOZED && snoozedUntil != null
                        ? Timestamp.from(snoozedUntil) : null)
            .param("now", Timestamp.from(now)).param("t", TenantContext.require()).param("id", id).update();
        audit.record(AuditAction.UPDATE, "conversation", id, Map.of("status", before.summary().status().name()),
                Map.of("status", status.name()));
        events.publish(TenantContext.require(), "conversation.updated", id, Map.of("conversationId", id, "status", status.name()));
        return get(id);
    }

    /**
     * Assigns the conversation to an agent, a team, or an agent of a team (both null: unassigned). The agent must
     * be an active user who may reply and, when a team is given, one of its members.
     */
    @Transactional
    public Conversation assign(UUID id, UUID assigneeId, UUID teamId) {
        Conversation before = get(id);
        if (assigneeId != null && staff.activeWith("inbox:reply").stream().noneMatch(m -> m.id().value().equals(assigneeId))) {
            throw new InvalidInputException("invalid-assignee");
        }
        if (teamId != null && !teams.exists(teamId)) {
            throw new InvalidInputException("unknown-team");
        }
        if (teamId != null && assigneeId != null && !teams.isMember(teamId, assigneeId)) {
            throw new InvalidInputException("assignee-not-in-team");
        }
        jdbc.sql("""
                update inbox_conversations set assignee_id = :a, team_id = :team, updated_at = :now, version = version + 1
                 where tenant_id = :t and id = :id
                """).param("a", assigneeId).param("team", teamId).param("now", Timestamp.from(clock.instant()))
            .param("t", TenantContext.require()).param("id", id).update();
        audit.record(AuditAction.UPDATE, "conversation", id,
                Map.of("assigneeId", String.valueOf(before.summary().assigneeId()), "teamId",
                        String.valueOf(before.summary().teamId())),
                Map.of("assigneeId", String.valueOf(assigneeId), "teamId", String.valueOf(teamId)));
        events.publish(TenantContext.require(), "conversation.assigned", id, Map.of("conversationId", id, "assigneeId",
                String.valueOf(assigneeId), "teamId", String.valueOf(teamId)));
        return get(id);
    }

    @Transactional
    public Conversation label(UUID id, List<String> labels, ConversationPriority priority) {
        get(id);
        String[] clean = labels.stream().map(l -> l.trim().toLowerCase(Locale.ROOT)).filter(l -> !l.isEmpty()).distinct()
            .toArray(String[]::new);
        jdbc.sql("""
                update inbox_conversations set labels = :labels, priority = coalesce(:priority, priority), updated_at = :now,
                       version = version + 1 where tenant_id = :t and id = :id
                """).param("labels", clean).param("priority", priority == null ? null : priority.name()).param("now", Timestamp.from(clock.instant()))
            .param("t", TenantContext.require()).param("id", id).update();
        audit.record(AuditAction.UPDATE, "conversation", id, null, Map.of("labels", Arrays.asList(clean)));
        events.publish(TenantContext.require(), "conversation.updated", id,
                Map.of("conversationId", id, "labels", Arrays.asList(clean)));
        return get(id);
    }

    @Transactional
    public Note addNote(UUID id, String body) {
        get(id);
        UUID note = Ids.next();
        CurrentUser author = CurrentUsers.current().orElse(null);
        Instant now = clock.instant();
        jdbc.sql("insert into inbox_notes (tenant_id, id, conversation_id, author_id, body, created_at) values (:t, :id, :c, :a, :b, :now)")
            .param("t", TenantContext.require()).param("id", note).param("c", id)
            .param("a", author == null ? null : author.userId()).param("b", body.trim()).param("now", Timestamp.from(now))
            .update();
        return new Note(note, author == null ? null : author.userId(),
                author == null ? null : staff.nameOf(new UserId(author.userId())).orElse(null), body.trim(), now);
    }

    /** Confirms (or changes) which CRM customer an inbox contact is: one the user may see (a rep's own, without view_all). */
    @Transactional
    public void linkCustomer(UUID contactId, UUID customerId) {
        UUID tenant = TenantContext.require();
        if (jdbc.sql("select count(*) from inbox_contacts where tenant_id = :t and id = :id").param("t", tenant)
            .param("id", contactId).query(Long.class).single() == 0) {
            throw new NotFoundException("contact");
        }
        if (customerId != null && !customers.visible(customerId)) {
            throw new InvalidInputException("unknown-customer");
        }
        jdbc.sql("update inbox_contacts set customer_id = :c, customer_confirmed = :confirmed where tenant_id = :t and id = :id")
            .param("c", customerId).param("confirmed", customerId != null).param("t", tenant).param("id", contactId).update();
        audit.record(AuditAction.UPDATE, "inbox_contact", contactId, null, Map.of("customerId", String.valueOf(customerId)));
    }

    private static final String SUMMARY = """
            select v.id, v.channel_id, v.contact_id, k.name, k.phone, k.customer_id, v.status, v.priority, v.assignee_id,
                   v.team_id, (select t.name from inbox_teams t where t.tenant_id = v.tenant_id and t.id = v.team_id) as team_name,
                   v.labels, v.last_message_at, v.snoozed_until,
                   (select m.body from inbox_messages m where m.tenant_id = v.tenant_id and m.conversation_id = v.id
                     order by m.sent_at desc, m.id desc limit 1) as last_message
              from inbox_conversations v join inbox_contacts k on k.tenant_id = v.tenant_id and k.id = v.contact_id""";

    /** A row of {@link #SUMMARY}, its assignee not yet named ({@link #named}: one look-up for all the rows). */
    private static ConversationSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID assignee = rs.getObject("assignee_id", UUID.class);
        Timestamp snoozed = rs.getTimestamp("snoozed_until");
        java.sql.Array labels = rs.getArray("labels");
        return new ConversationSummary(rs.getObject("id", UUID.class), rs.getObject("channel_id", UUID.class),
                rs.getObject("contact_id", UUID.class), rs.getString("name"), rs.getString("phone"),
                rs.getObject("customer_id", UUID.class), ConversationStatus.valueOf(rs.getString("status")),
                ConversationPriority.valueOf(rs.getString("priority")), assignee,
                null, rs.getObject("team_id", UUID.class), rs.getString("team_name"),
                labels == null ? List.of() : Arrays.asList((String[]) labels.getArray()),
                rs.getTimestamp("last_message_at").toInstant(), rs.getString("last_message"),
                snoozed == null ? null : snoozed.toInstant());
    }

    /** The summary with its assignee's name, from {@code names} ({@link StaffDirectory#namesOf}). */
    private static ConversationSummary named(ConversationSummary s, Map<UUID, String> names) {
        return s.assigneeId() == null ? s : new ConversationSummary(s.id(), s.channelId(), s.contactId(), s.contactName(),
                s.contactPhone(), s.customerId(), s.status(), s.priority(), s.assigneeId(), names.get(s.assigneeId()),
                s.teamId(), s.teamName(), s.labels(), s.lastMessageAt(), s.lastMessage(), s.snoozedUntil());
    }
}
