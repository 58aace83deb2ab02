package com.ambiosys.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.ambiosys.identity.ActiveUsers;
import com.ambiosys.identity.UserAccessChanged;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.tenancy.TenantTransactions;

/**
 * The live stream of inbox events for staff: Server-Sent Events per connected user, filtered by tenant,
 * fed by PostgreSQL {@code LISTEN inbox_events} on a dedicated connection, so that an event committed by
 * any instance reaches the clients of every instance. A notification names an event ({@code tenant:id}); the
 * event itself is read in its tenant. A client that reconnects with {@code Last-Event-ID} first gets what it
 * missed from the event log. A stream lasts only as long as the right to it: every
 * {@code ambiosys.inbox.stream-recheck} (30 s), and at once when identity says a user's standing changed, the
 * user is checked again, and the stream ends when the user or tenant is no longer active or
 * {@value #PERMISSION} is gone.
 */
@Component
public class InboxStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxStream.class);
    static final int REPLAY_LIMIT = 500;
    /** What a stream needs, when opened and for as long as it stays open. */
    public static final String PERMISSION = "inbox:view";
    /** A comment line this often keeps proxies from closing a quiet stream. */
    static final long HEARTBEAT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(20);

    /** Whose an open stream is. */
    private record Subscriber(UUID tenant, UUID user) {
    }

    private final Map<UUID, Set<SseEmitter>> clients = new ConcurrentHashMap<>();
    /** The user behind each open stream: the heartbeat marks them seen (agent presence), the re-check asks about them. */
    private final Map<SseEmitter, Subscriber> subscribers = new ConcurrentHashMap<>();
    /** Users whose standing changed since the last turn of the listener: their streams are checked on the next. */
    private final Set<Subscriber> changed = ConcurrentHashMap.newKeySet();
    private final InboxEvents events;
    private final TenantTransactions tx;
    private final Environment env;
    private final AgentPresence presence;
    private final ActiveUsers activeUsers;
    private final long recheckNanos;
    private volatile boolean running;
    private Thread listener;

    InboxStream(InboxEvents events, TenantTransactions tx, Environment env, AgentPresence presence,
            ActiveUsers activeUsers, @Value("${ambiosys.inbox.stream-recheck:30s}") Duration recheck) {
        this.presence = presence;
        this.events = events;
        this.tx = tx;
        this.env = env;
        this.activeUsers = activeUsers;
        this.recheckNanos = recheck.toNanos();
    }

    /**
     * A new client of the user's tenant; replays what it missed after {@code lastEventId}. The user is marked seen
     * now and on every heartbeat while the stream is open: that is what makes an agent online.
     */
    public SseEmitter connect(CurrentUser user, Long lastEventId) {
        UUID tenant = user.tenantId();
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the client reconnects when the network drops
        Set<SseEmitter> set = clients.computeIfAbsent(tenant, k -> new CopyOnWriteArraySet<>());
        Runnable gone = () -> {
            set.remove(emitter);
            subscribers.remove(emitter);
        };
        emitter.onCompletion(gone);
        emitter.onTimeout(gone);
        emitter.onError(e -> gone.run());
        subscribers.put(emitter, new Subscriber(tenant, user.userId()));
        tx.run(tenant, s -> presence.seen(tenant, Set.of(user.userId())));
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(3000));
            if (lastEventId != null) {
                for (InboxEvents.Event missed : tx.read(tenant, s -> events.after(tenant, lastEventId, REPLAY_LIMIT))) {
                    emitter.send(event(missed));
                }
            }
        }
        catch (IOException ex) {
            emitter.completeWithError(ex);
            return emitter;
        }
        set.add(emitter);
        return emitter;
    }

    /** Identity changed the user's status or permissions: their streams are checked on the listener's next turn. */
    @EventListener
    void accessChanged(UserAccessChanged change) {
        changed.add(new Subscriber(change.tenantId(), change.userId().value()));
    }

    private static final MediaType UTF8_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    /**
     * The event as one SSE frame ({@code id}, {@code event}, {@code data}), built once and written as it is to
     * every client: one write per client instead of an event builder and three converter writes each.
     */
    static Set<ResponseBodyEmitter.DataWithMediaType> event(InboxEvents.Event e) {
        String frame = "id:" + e.id() + "\nevent:" + e.kind() + "\ndata:" + e.payload().replace("\n", "\ndata:") + "\n\n";
        return Set.of(new ResponseBodyEmitter.DataWithMediaType(frame, UTF8_TEXT));
    }

    /** Notes the users whose standing changed (checked on the next turn) and keeps the inbox's own notifications. */
    private PGNotification[] accessChanges(PGNotification[] notifications) {
        List<PGNotification> inbox = new ArrayList<>(notifications.length);
        for (PGNotification n : notifications) {
            if (UserAccessChanged.CHANNEL.equals(n.getName())) {
                UserAccessChanged.parse(n.getParameter()).ifPresent(this::accessChanged);
            }
            else {
                inbox.add(n);
            }
        }
        return inbox.toArray(PGNotification[]::new);
    }

    /**
     * The events a turn's notifications announce ({@code tenant:id}; anything after the id, from an instance of an
     * older version, is ignored), read by tenant in one statement each and sent in order to the tenant's clients.
     */
    private void deliver(PGNotification[] notifications) {
        Map<UUID, List<Long>> announced = new LinkedHashMap<>();
        for (PGNotification n : notifications) {
            String[] parts = n.getParameter().split(":", 3);
            try {
                UUID tenant = UUID.fromString(parts[0]);
                Set<SseEmitter> set = clients.get(tenant);
                if (parts.length > 1 && set != null && !set.isEmpty()) {
                    announced.computeIfAbsent(tenant, k -> new ArrayList<>()).add(Long.parseLong(parts[1]));
                }
            }
            catch (IllegalArgumentException ex) {
                log.warn("Inbox notification not understood: {}", n.getParameter());
            }
        }
        announced.forEach((tenant, ids) -> {
            try {
                tx.read(tenant, s -> events.of(tenant, ids)).forEach(e -> send(clients.get(tenant), event(e)));
            }
            catch (RuntimeException ex) {
                log.warn("Inbox events {} of tenant {} not delivered: {}", ids, tenant, ex.getMessage());
            }
        });
    }

    private void send(Set<SseEmitter> set, Set<ResponseBodyEmitter.DataWithMediaType> frame) {
        for (SseEmitter emitter : set) {
            try {
                emitter.send(frame);
            }
            catch (IOException | IllegalStateException ex) {
                set.remove(emitter);
            }
        }
    }

    /** Checks the users of every open stream ({@code all}) or of those whose standing changed; ends what no longer holds. */
    private void recheck(boolean all) {
        // a user whose standing changed is read from the database now; the periodic check of everyone else takes
        // what their requests see (the principal cache, a few seconds old): no database read per stream each turn
        Set<Subscriber> changedNow = drainChanged();
        Set<Subscriber> due = all ? Set.copyOf(subscribers.values()) : changedNow;
        Set<Subscriber> revoked = new java.util.HashSet<>();
        for (Subscriber subscriber : due) {
            try {
                Optional<CurrentUser> now = changedNow.contains(subscriber)
                        ? activeUsers.find(subscriber.tenant(), subscriber.user())
                        : activeUsers.findRecent(subscriber.tenant(), subscriber.user());
                if (!now.map(u -> u.can(PERMISSION)).orElse(false)) {
                    revoked.add(subscriber);
                }
            }
            catch (RuntimeException ex) {
                log.warn("Inbox stream of user {} not checked, tried again on the next turn: {}", subscriber.user(),
                        ex.getMessage());
                changed.add(subscriber);
            }
        }
        if (!revoked.isEmpty()) {
            subscribers.forEach((emitter, subscriber) -> {
                if (revoked.contains(subscriber)) {
                    end(emitter, subscriber);
                }
            });
        }
    }

    private Set<Subscriber> drainChanged() {
        Set<Subscriber> due = new java.util.HashSet<>();
        for (java.util.Iterator<Subscriber> it = changed.iterator(); it.hasNext();) {
            due.add(it.next());
            it.remove();
        }
        return due;
    }

    private void end(SseEmitter emitter, Subscriber subscriber) {
        subscribers.remove(emitter);
        Set<SseEmitter> set = clients.get(subscriber.tenant());
        if (set != null) {
            set.remove(emitter);
        }
        emitter.complete();
        log.info("Inbox stream of user {} ended: the user, their tenant or their {} permission is gone",
                subscriber.user(), PERMISSION);
    }

    private void heartbeat() {
        clients.forEach((tenant, set) -> {
            Set<UUID> seen = new java.util.HashSet<>();
            set.forEach(emitter -> {
                try {
                    emitter.send(SseEmitter.event().comment("ping"));
                    Subscriber subscriber = subscribers.get(emitter);
                    if (subscriber != null) {
                        seen.add(subscriber.user());
                    }
                }
                catch (IOException | IllegalStateException ex) {
                    set.remove(emitter);
                    subscribers.remove(emitter);
                }
            });
            if (!seen.isEmpty()) {
                try {
                    tx.run(tenant, s -> presence.seen(tenant, seen));
                }
                catch (RuntimeException ex) {
                    log.warn("Agent presence of tenant {} not updated: {}", tenant, ex.getMessage());
                }
            }
        });
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
                    env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + InboxEvents.CHANNEL);
                    statement.execute("LISTEN " + UserAccessChanged.CHANNEL); // a change made on any instance
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                long lastBeat = System.nanoTime();
                long lastCheck = lastBeat;
                while (running) {
                    if (System.nanoTime() - lastBeat > HEARTBEAT_NANOS) {
                        heartbeat();
                        lastBeat = System.nanoTime();
                    }
                    boolean all = System.nanoTime() - lastCheck > recheckNanos;
                    if (all || !changed.isEmpty()) {
                        recheck(all);
                        lastCheck = all ? System.nanoTime() : lastCheck;
                    }
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        deliver(accessChanges(notifications));
                    }
                }
            }
            catch (SQLException ex) {
                if (running) {
                    log.warn("Inbox stream lost its LISTEN connection, retrying in 2 s: {}", ex.getMessage());
                    try {
                        Thread.sleep(2000);
                    }
                    catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "inbox-listen");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        clients.values().forEach(set -> set.forEach(SseEmitter::complete));
        clients.clear();
        subscribers.clear();
        if (listener != null) {
            try {
                listener.join(3000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

}
