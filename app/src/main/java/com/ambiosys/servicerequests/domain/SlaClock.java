package com.ambiosys.servicerequests.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One SLA target of one request (the first response, or the resolution), counted in business time from
 * {@code start}, with the paused intervals (waiting on the customer) left out. Pure: it answers for any
 * "now" it is given.
 *
 * <p>The clock stops when the target is met ({@code stoppedAt} with {@code met = true}) or when the
 * request ends otherwise (cancelled, lost: {@code met = false}). It is at risk from 80 % of the target
 * and breached at 100 %; a breach stays a breach even if the target is met later.
 */
public final class SlaClock {

    /** At risk from this share of the target. */
    public static final double AT_RISK_SHARE = 0.8;

    /** A paused interval {@code [from, to)}; {@code to} is null while the pause lasts. */
    public record Pause(Instant from, Instant to) {

        public Pause {
            if (to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("A pause must end after it starts");
            }
        }
    }

    public enum Status {
        ON_TRACK, AT_RISK, BREACHED, FULFILLED,
        /** The request ended (cancelled or lost) before the target was met or breached. */
        STOPPED
    }

    private final BusinessCalendar calendar;
    private final Instant start;
    private final Duration target;
    private final List<Pause> pauses;
    private final Instant stoppedAt;
    private final boolean met;
    /** {@link #reach} of the target and of its at-risk share: computed once (the SLA job asks each twice). */
    private final Instant dueAt;
    private final Instant atRiskAt;

    public SlaClock(BusinessCalendar calendar, Instant start, Duration target, List<Pause> pauses, Instant stoppedAt,
            boolean met) {
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("An SLA target must be positive");
        }
        this.calendar = calendar;
        this.start = start;
        this.target = target;
        List<Pause> sorted = new ArrayList<>(pauses);
        sorted.sort(Comparator.comparing(Pause::from));
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).to() == null && i < sorted.size() - 1) {
                throw new IllegalArgumentException("Only the last pause may be open");
            }
        }
        this.pauses = List.copyOf(sorted);
        this.stoppedAt = stoppedAt;
        this.met = met;
        this.dueAt = reach(target);
        this.atRiskAt = reach(Duration.ofMillis((long) (target.toMillis() * AT_RISK_SHARE)));
    }

    public Duration target() {
        return target;
    }

    /** Whether the clock is paused at {@code now} (waiting on the customer). */
    public boolean pausedAt(Instant now) {
        return stoppedAt == null && pauses.stream().anyMatch(p -> !now.isBefore(p.from()) && (p.to() == null || now.isBefore(p.to())));
    }

    /** Business time counted until {@code now} (or until the clock stopped), pauses left out. */
    public Duration elapsed(Instant now) {
        Instant end = stoppedAt != null && stoppedAt.isBefore(now) ? stoppedAt : now;
        Duration total = calendar.between(start, end);
        for (Pause pause : pauses) {
            Instant to = pause.to() == null || pause.to().isAfter(end) ? end : pause.to();
            Instant from = pause.from().isBefore(start) ? start : pause.from();
            total = total.minus(calendar.between(from, to));
        }
        return total.isNegative() ? Duration.ZERO : total;
    }

    /** When the target is (or was) reached, assuming no pause beyond those known; null while paused short of it. */
    public Instant dueAt() {
        return dueAt;
    }

    /** When 80 % of the target is (or was) reached; null while paused short of it. */
    public Instant atRiskAt() {
        return atRiskAt;
    }

    public Status status(Instant now) {
        Instant due = dueAt;
        Instant end = stoppedAt != null && stoppedAt.isBefore(now) ? stoppedAt : now;
        if (due != null && (due.isBefore(end) || (due.equals(end) && stoppedAt == null))) {
            return Status.BREACHED;
        }
        if (stoppedAt != null && !stoppedAt.isAfter(now)) {
            return met ? Status.FULFILLED : Status.STOPPED;
        }
        Instant atRisk = atRiskAt;
        return atRisk != null && !atRisk.isAfter(now) ? Status.AT_RISK : Status.ON_TRACK;
    }

    /** Walks the running stretches between pauses until {@code amount} of business time has passed. */
    private Instant reach(Duration amount) {
        Duration remaining = amount;
        Instant from = start;
        for (Pause pause : pauses) {
            if (!pause.from().isAfter(from)) {
                if (pause.to() == null) {
                    return null;
                }
                from = pause.to().isAfter(from) ? pause.to() : from;
                continue;
            }
            Duration available = calendar.between(from, pause.from());
            if (available.compareTo(remaining) >= 0) {
                return calendar.plus(from, remaining);
            }
            remaining = remaining.minus(available);
            if (pause.to() == null) {
                return null;
            }
            from = pause.to();
        }
        return calendar.plus(from, remaining);
    }
}
