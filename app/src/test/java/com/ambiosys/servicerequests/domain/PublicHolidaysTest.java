package com.ambiosys.servicerequests.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Guatemala's and El Salvador's public holidays, Easter-based ones included, and an SLA that skips them. */
class PublicHolidaysTest {

    static final ZoneId GUATEMALA = ZoneId.of("America/Guatemala");

    static Set<LocalDate> days(String country, int year) {
        return PublicHolidays.of(country, year).stream().map(PublicHolidays.PublicHoliday::day).collect(Collectors.toSet());
    }

    @Test
    void easterSundayFollowsTheGregorianComputus() {
        assertThat(PublicHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PublicHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(PublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(PublicHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(PublicHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void guatemalaHasItsLabourCodeHolidaysAndHolyWeek() {
        assertThat(days("GT", 2026)).containsExactlyInAnyOrder(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 2),
                LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 4), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 30),
                LocalDate.of(2026, 9, 15), LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 25));
    }

    @Test
    void elSalvadorHasItsOwnHolidays() {
        assertThat(days("SV", 2027)).containsExactlyInAnyOrder(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 25),
                LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 27), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 10),
                LocalDate.of(2027, 6, 17), LocalDate.of(2027, 8, 6), LocalDate.of(2027, 9, 15), LocalDate.of(2027, 11, 2),
                LocalDate.of(2027, 12, 25));
        assertThat(PublicHolidays.of("MX", 2027)).isEmpty();
    }

    @Test
    void aRequestTheDayBeforeIndependenceDayIsDueAfterIt() {
        BusinessCalendar calendar = BusinessCalendar.standard(GUATEMALA, days("GT", 2026));
        // Monday 14 September 2026, 16:00: one business hour that day, none on Tuesday the 15th
        var created = LocalDateTime.of(2026, 9, 14, 16, 0).atZone(GUATEMALA).toInstant();
        assertThat(calendar.plus(created, Duration.ofHours(4)))
            .isEqualTo(LocalDateTime.of(2026, 9, 16, 11, 0).atZone(GUATEMALA).toInstant());
    }
}
