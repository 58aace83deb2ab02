package com.ambiosys.servicerequests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.ambiosys.servicerequests.domain.BusinessCalendar.Window;

/** Business time in Guatemala (UTC-6): weekends, holidays, a lunch break, and days that span UTC midnight. */
class BusinessCalendarTest {

    static final ZoneId GUATEMALA = ZoneId.of("America/Guatemala");
    // 2026-12-24 (Thursday) is a half day, 2026-12-25 (Friday) is Christmas
    static final BusinessCalendar CALENDAR = BusinessCalendar.standard(GUATEMALA, Set.of(LocalDate.of(2026, 12, 25)));

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(GUATEMALA).toInstant();
    }

    @Test
    void countsOnlyTheWorkingWindowsOfADay() {
        // Monday 2026-11-23: 08-12 and 13-17
        assertThat(CALENDAR.between(at("2026-11-23T00:00"), at("2026-11-24T00:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(CALENDAR.between(at("2026-11-23T11:30"), at("2026-11-23T13:30"))).isEqualTo(Duration.ofMinutes(60));
        assertThat(CALENDAR.between(at("2026-11-23T12:00"), at("2026-11-23T13:00"))).isZero(); // lunch
        assertThat(CALENDAR.between(at("2026-11-23T17:00"), at("2026-11-24T08:00"))).isZero(); // night
        assertThat(CALENDAR.between(at("2026-11-23T10:00"), at("2026-11-23T09:00"))).isZero(); // backwards
    }

    @Test
    void weekendsCountOnlySaturdayMorning() {
        // Friday 16:00 to Monday 09:00: 1 h Friday + 4 h Saturday + 0 Sunday + 1 h Monday
        assertThat(CALENDAR.between(at("2026-11-27T16:00"), at("2026-11-30T09:00"))).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void holidaysDoNotCount() {
        // Thursday 24 16:00 → Monday 28 09:00: 1 h Thursday, Christmas Friday 0, Saturday 4 h, Monday 1 h
        assertThat(CALENDAR.between(at("2026-12-24T16:00"), at("2026-12-28T09:00"))).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void instantsAreReadInTheCalendarsZoneNotUtc() {
        // 2026-11-23T22:00Z is 16:00 in Guatemala: one business hour remains that day
        Instant utcEvening = Instant.parse("2026-11-23T22:00:00Z");
        assertThat(CALENDAR.isWorking(utcEvening)).isTrue();
        assertThat(CALENDAR.between(utcEvening, Instant.parse("2026-11-24T06:00:00Z"))).isEqualTo(Duration.ofHours(1));
        assertThat(CALENDAR.plus(utcEvening, Duration.ofHours(2))).isEqualTo(at("2026-11-24T09:00"));
    }

    @Test
    void addsBusinessTimeAcrossLunchNightsWeekendsAndHolidays() {
        assertThat(CALENDAR.plus(at("2026-11-23T09:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-23T11:00"));
        assertThat(CALENDAR.plus(at("2026-11-23T11:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-23T14:00"));
        assertThat(CALENDAR.plus(at("2026-11-23T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-24T09:00"));
        assertThat(CALENDAR.plus(at("2026-11-23T20:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-11-24T08:30"));
        // Friday 16:00 + 8 h: 1 h Friday, 4 h Saturday, Monday 08-11
        assertThat(CALENDAR.plus(at("2026-11-27T16:00"), Duration.ofHours(8))).isEqualTo(at("2026-11-30T11:00"));
        // Thursday 24 Dec 17:00 + 5 h: Christmas skipped, Saturday 4 h, Monday 1 h
        assertThat(CALENDAR.plus(at("2026-12-24T17:00"), Duration.ofHours(5))).isEqualTo(at("2026-12-28T09:00"));
        // exactly filling a window ends at its end, not at the next window's start
        assertThat(CALENDAR.plus(at("2026-11-23T08:00"), Duration.ofHours(4))).isEqualTo(at("2026-11-23T12:00"));
        assertThat(CALENDAR.plus(at("2026-11-23T08:00"), Duration.ZERO)).isEqualTo(at("2026-11-23T08:00"));
    }

    @Test
    void plusAndBetweenAgreeEverywhereInAWeek() {
        Instant from = at("2026-11-21T05:00"); // a Saturday before dawn
        for (int minutes = 0; minutes <= 60 * 60; minutes += 37) {
            Instant reached = CALENDAR.plus(from, Duration.ofMinutes(minutes));
            assertThat(CALENDAR.between(from, reached)).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void windowsUntilMidnightAndAroundTheClock() {
        BusinessCalendar always = new BusinessCalendar(GUATEMALA,
                Map.of(DayOfWeek.MONDAY, List.of(Window.of("00:00", "24:00")), DayOfWeek.TUESDAY,
                        List.of(Window.of("00:00", "24:00"))),
                Set.of());
        assertThat(always.between(at("2026-11-23T22:00"), at("2026-11-24T02:00"))).isEqualTo(Duration.ofHours(4));
        assertThat(always.plus(at("2026-11-23T23:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-24T01:00"));
        // Tuesday midnight to Monday: nothing on Wednesday to Sunday
        assertThat(always.plus(at("2026-11-24T23:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-30T01:00"));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> Window.of("13:00", "12:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(GUATEMALA,
                Map.of(DayOfWeek.MONDAY, List.of(Window.of("08:00", "12:00"), Window.of("11:00", "14:00"))), Set.of()))
            .isInstanceOf(IllegalArgumentException.class);
        BusinessCalendar never = new BusinessCalendar(GUATEMALA, Map.of(), Set.of());
        assertThat(never.between(at("2026-11-23T00:00"), at("2026-12-23T00:00"))).isZero();
        assertThatThrownBy(() -> never.plus(at("2026-11-23T00:00"), Duration.ofHours(1)))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CALENDAR.plus(at("2026-11-23T00:00"), Duration.ofHours(-1)))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
