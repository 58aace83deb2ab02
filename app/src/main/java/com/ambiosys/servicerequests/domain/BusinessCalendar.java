package com.ambiosys.servicerequests.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's business hours: several working windows per weekday (a lunch break is two windows), in
 * the tenant's time zone, minus holidays. Pure: no clock, no database. Time outside the windows does
 * not count towards an SLA.
 */
public final class BusinessCalendar {

    /** How far ahead {@link #plus} looks before it gives up (a calendar with no working time at all). */
    static final int HORIZON_DAYS = 366 * 3;

    /**
     * A working window of a day, {@code [start, end)}. An end of {@code 00:00} means midnight at the end
     * of the day.
     */
    public record Window(LocalTime start, LocalTime end) {

        public Window {
            if (start == null || end == null) {
                throw new IllegalArgumentException("A window needs a start and an end");
            }
            if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
                throw new IllegalArgumentException("A window must end after it starts: " + start + "-" + end);
            }
        }

        public static Window of(String start, String end) {
            return new Window(LocalTime.parse(start), "24:00".equals(end) ? LocalTime.MIDNIGHT : LocalTime.parse(end));
        }

        boolean overlaps(Window other) {
            return start.isBefore(other.endOfDay()) && other.start.isBefore(endOfDay());
        }

        /** The end as seconds of the day (midnight at the end is 86 400). */
        private LocalTime endOfDay() {
            return end.equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : end;
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Window>> windows;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Window>> windows, Set<LocalDate> holidays) {
        this.zone = zone;
        this.windows = new EnumMap<>(DayOfWeek.class);
        windows.forEach((day, list) -> {
            List<Window> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(Window::start));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                    throw new IllegalArgumentException("Windows overlap on " + day + ": " + sorted.get(i - 1) + ", " + sorted.get(i));
                }
            }
            this.windows.put(day, List.copyOf(sorted));
        });
        this.holidays = Set.copyOf(holidays);
    }

    /** Monday to Friday 08:00–12:00 and 13:00–17:00, Saturday 08:00–12:00: a common week in Guatemala. */
    public static BusinessCalendar standard(ZoneId zone, Set<LocalDate> holidays) {
        Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(Window.of("08:00", "12:00"), Window.of("13:00", "17:00")));
        }
        week.put(DayOfWeek.SATURDAY, List.of(Window.of("08:00", "12:00")));
        return new BusinessCalendar(zone, week, holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, List<Window>> windows() {
        return windows;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** The working windows of one date (none on a holiday). */
    public List<Window> windowsOn(LocalDate date) {
        return holidays.contains(date) ? List.of() : windows.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** Business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Window window : windowsOn(day)) {
                Instant start = max(startOf(day, window), from);
                Instant end = min(endOf(day, window), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The instant at which {@code amount} of business time has passed since {@code from}. Zero answers
     * {@code from} itself. A calendar with no working time within three years is an error.
     */
    public Instant plus(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A negative amount of business time: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        Duration remaining = amount;
        LocalDate first = from.atZone(zone).toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            LocalDate day = first.plusDays(i);
            for (Window window : windowsOn(day)) {
                Instant start = max(startOf(day, window), from);
                Instant end = endOf(day, window);
                if (!end.isAfter(start)) {
                    continue;
                }
                Duration available = Duration.between(start, end);
                if (available.compareTo(remaining) >= 0) {
                    return start.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("The business calendar has no working time in " + HORIZON_DAYS + " days");
    }

    /** Whether the instant falls inside a working window. */
    public boolean isWorking(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        return windowsOn(day).stream()
            .anyMatch(w -> !instant.isBefore(startOf(day, w)) && instant.isBefore(endOf(day, w)));
    }

    private Instant startOf(LocalDate day, Window window) {
        return day.atTime(window.start()).atZone(zone).toInstant();
    }

    private Instant endOf(LocalDate day, Window window) {
        return window.end().equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(window.end()).atZone(zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
