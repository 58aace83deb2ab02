package com.ambiosys.servicerequests.domain;

import static com.ambiosys.servicerequests.domain.BusinessCalendarTest.CALENDAR;
import static com.ambiosys.servicerequests.domain.BusinessCalendarTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ambiosys.servicerequests.domain.SlaClock.Pause;
import com.ambiosys.servicerequests.domain.SlaClock.Status;

/** The SLA clock in business hours (Guatemala, UTC-6), with pauses while waiting on the customer. */
class SlaClockTest {

    static SlaClock clock(String start, Duration target, List<Pause> pauses, Instant stoppedAt, boolean met) {
        return new SlaClock(CALENDAR, at(start), target, pauses, stoppedAt, met);
    }

    static Pause pause(String from, String to) {
        return new Pause(at(from), to == null ? null : at(to));
    }

    @Test
    void runsOnTrackThenAtRiskAt80PercentThenBreached() {
        // Monday 09:00, 8 business hours: at risk after 6.4 h (Monday 16:24), breached Tuesday 09:00
        SlaClock clock = clock("2026-11-23T09:00", Duration.ofHours(8), List.of(), null, false);
        assertThat(clock.atRiskAt()).isEqualTo(at("2026-11-23T16:24"));
        assertThat(clock.dueAt()).isEqualTo(at("2026-11-24T09:00"));
        assertThat(clock.status(at("2026-11-23T16:23"))).isEqualTo(Status.ON_TRACK);
        assertThat(clock.status(at("2026-11-23T16:24"))).isEqualTo(Status.AT_RISK);
        assertThat(clock.status(at("2026-11-24T08:59"))).isEqualTo(Status.AT_RISK);
        assertThat(clock.status(at("2026-11-24T09:00"))).isEqualTo(Status.BREACHED);
        assertThat(clock.elapsed(at("2026-11-24T08:30"))).isEqualTo(Duration.ofMinutes(7 * 60 + 30));
    }

    @Test
    void aRequestCreatedOutOfHoursStartsCountingAtTheNextWindow() {
        // Saturday 20:00: nothing on Sunday; 4 h reached Monday 12:00
        SlaClock clock = clock("2026-11-21T20:00", Duration.ofHours(4), List.of(), null, false);
        assertThat(clock.dueAt()).isEqualTo(at("2026-11-23T12:00"));
        assertThat(clock.status(at("2026-11-22T23:00"))).isEqualTo(Status.ON_TRACK);
        assertThat(clock.elapsed(at("2026-11-23T08:00"))).isZero();
    }

    @Test
    void metBeforeTheTargetIsFulfilledAndStopsCounting() {
        SlaClock clock = clock("2026-11-23T09:00", Duration.ofHours(2), List.of(), at("2026-11-23T10:30"), true);
        assertThat(clock.status(at("2026-11-30T00:00"))).isEqualTo(Status.FULFILLED);
        assertThat(clock.elapsed(at("2026-11-30T00:00"))).isEqualTo(Duration.ofMinutes(90));
        // met exactly at the deadline counts as met
        assertThat(clock("2026-11-23T09:00", Duration.ofHours(2), List.of(), at("2026-11-23T11:00"), true)
            .status(at("2026-11-24T00:00"))).isEqualTo(Status.FULFILLED);
    }

    @Test
    void aBreachStaysABreachWhenTheTargetIsMetLater() {
        SlaClock clock = clock("2026-11-23T09:00", Duration.ofHours(2), List.of(), at("2026-11-23T15:00"), true);
        assertThat(clock.status(at("2026-11-23T15:00"))).isEqualTo(Status.BREACHED);
        assertThat(clock.status(at("2026-12-31T00:00"))).isEqualTo(Status.BREACHED);
    }

    @Test
    void aCancelledRequestStopsTheClockWithoutMeetingIt() {
        SlaClock clock = clock("2026-11-23T09:00", Duration.ofHours(8), List.of(), at("2026-11-23T10:00"), false);
        assertThat(clock.status(at("2026-11-25T00:00"))).isEqualTo(Status.STOPPED);
        assertThat(clock.status(at("2026-11-23T09:30"))).isEqualTo(Status.ON_TRACK); // asked about the past
    }

    @Test
    void pausesAreLeftOutAndMoveTheDeadline() {
        // Monday 09:00, 4 h; waiting on the customer Monday 10:00 → Tuesday 10:00 (7 business hours paused)
        SlaClock clock = clock("2026-11-23T09:00", Duration.ofHours(4),
                List.of(pause("2026-11-23T10:00", "2026-11-24T10:00")), null, false);
        assertThat(clock.elapsed(at("2026-11-24T10:00"))).isEqualTo(Duration.ofHours(1));
        assertThat(clock.dueAt()).isEqualTo(at("2026-11-24T14:00")); // 3 h left from Tuesday 10:00, lunch skipped
        assertThat(clock.atRiskAt()).isEqualTo(at("2026-11-24T13:12")); // 3.2 h: 10:00 + 2 h, lunch, + 12 min
        assertThat(clock.pausedAt(at("2026-11-23T15:00"))).isTrue();
        assertThat(clock.status(at("2026-11-23T23:00"))).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void pausesAcrossSeveralDaysAndAWeekend() {
        // Thursday 26 09:00, 8 h; paused Thursday 11:00 → Monday 30 08:00; resumed, paused again Monday 10:00 → 11:00
        SlaClock clock = clock("2026-11-26T09:00", Duration.ofHours(8),
                List.of(pause("2026-11-26T11:00", "2026-11-30T08:00"), pause("2026-11-30T10:00", "2026-11-30T11:00")),
                null, false);
        // 2 h Thursday + 2 h Monday before the second pause + 4 h after it: 11:00 → 12:00 (1 h), 13:00 → 16:00
        assertThat(clock.dueAt()).isEqualTo(at("2026-11-30T16:00"));
        assertThat(clock.elapsed(at("2026-11-30T12:00"))).isEqualTo(Duration.ofHours(5));
        assertThat(clock.status(at("2026-11-30T16:00"))).isEqualTo(Status.BREACHED);
    }

    @Test
    void whilePausedShortOfTheTargetThereIsNoDeadline() {
        SlaClock clock = clock("2026-11-23T09:00", Duration.ofHours(4), List.of(pause("2026-11-23T10:00", null)), null,
                false);
        assertThat(clock.dueAt()).isNull();
        assertThat(clock.atRiskAt()).isNull();
        assertThat(clock.pausedAt(at("2026-12-20T10:00"))).isTrue();
        assertThat(clock.status(at("2026-12-20T10:00"))).isEqualTo(Status.ON_TRACK);
        assertThat(clock.elapsed(at("2026-12-20T10:00"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aPauseAfterTheBreachDoesNotUndoIt() {
        SlaClock clock = clock("2026-11-23T09:00", Duration.ofHours(1), List.of(pause("2026-11-23T11:00", null)), null,
                false);
        assertThat(clock.dueAt()).isEqualTo(at("2026-11-23T10:00"));
        assertThat(clock.status(at("2026-11-24T00:00"))).isEqualTo(Status.BREACHED);
    }

    @Test
    void pausesStartingBeforeTheClockAreClipped() {
        SlaClock clock = clock("2026-11-23T09:00", Duration.ofHours(2), List.of(pause("2026-11-23T08:00", "2026-11-23T10:00")),
                null, false);
        assertThat(clock.dueAt()).isEqualTo(at("2026-11-23T12:00"));
        assertThat(clock.elapsed(at("2026-11-23T11:00"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> clock("2026-11-23T09:00", Duration.ZERO, List.of(), null, false))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pause("2026-11-23T10:00", "2026-11-23T09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock("2026-11-23T09:00", Duration.ofHours(1),
                List.of(pause("2026-11-23T10:00", null), pause("2026-11-23T11:00", "2026-11-23T12:00")), null, false))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
