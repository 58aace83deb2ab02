package com.ambiosys.servicerequests.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The national public holidays (paid days off for every worker) of Guatemala and El Salvador in a year, as a new
 * tenant's business calendar starts with them. Pure: no clock, no database.
 *
 * <p>Sources. Guatemala: Código de Trabajo (Decreto 1441), artículo 127, "días de asueto con goce de salario": 1 de
 * enero; jueves, viernes y sábado santos; 1 de mayo; 30 de junio; 15 de septiembre; 20 de octubre; 1 de noviembre;
 * medio día del 24 de diciembre (desde las 12:00); 25 de diciembre; medio día del 31 de diciembre (desde las 12:00);
 * and the local patron saint's day, which depends on the municipality and is left to the administrator. El Salvador:
 * Código de Trabajo, artículo 190 (with its reforms adding 10 de mayo and 17 de junio): 1 de enero; jueves, viernes y
 * sábado de la Semana Santa; 1 de mayo; 10 de mayo; 17 de junio; 6 de agosto (3 to 5 August only in San Salvador,
 * left to the administrator); 15 de septiembre; 2 de noviembre; 25 de diciembre.
 *
 * <p>The two Guatemalan half days are not listed: a {@link BusinessCalendar} holiday is a whole day (and
 * business_holidays stores a date), so seeding them would stop the SLA clock on the working morning too. Holidays
 * the government moves to another day are not modelled either; the administrator edits the list as before.
 */
public final class PublicHolidays {

    /** One public holiday, named in Spanish as the country names it. */
    public record PublicHoliday(LocalDate day, String name) {
    }

    private record Fixed(MonthDay day, String name) {
    }

    private static final List<Fixed> GUATEMALA = List.of(
            new Fixed(MonthDay.of(1, 1), "Año Nuevo"),
            new Fixed(MonthDay.of(5, 1), "Día del Trabajo"),
            new Fixed(MonthDay.of(6, 30), "Día del Ejército"),
            new Fixed(MonthDay.of(9, 15), "Día de la Independencia"),
            new Fixed(MonthDay.of(10, 20), "Día de la Revolución"),
            new Fixed(MonthDay.of(11, 1), "Día de Todos los Santos"),
            new Fixed(MonthDay.of(12, 25), "Navidad"));

    private static final List<Fixed> EL_SALVADOR = List.of(
            new Fixed(MonthDay.of(1, 1), "Año Nuevo"),
            new Fixed(MonthDay.of(5, 1), "Día del Trabajo"),
            new Fixed(MonthDay.of(5, 10), "Día de la Madre"),
            new Fixed(MonthDay.of(6, 17), "Día del Padre"),
            new Fixed(MonthDay.of(8, 6), "Fiesta del Divino Salvador del Mundo"),
            new Fixed(MonthDay.of(9, 15), "Día de la Independencia"),
            new Fixed(MonthDay.of(11, 2), "Día de los Difuntos"),
            new Fixed(MonthDay.of(12, 25), "Navidad"));

    private PublicHolidays() {
    }

    /** The holidays of a country (ISO code GT or SV; any other has none) in a year, by date. */
    public static List<PublicHoliday> of(String country, int year) {
        List<Fixed> fixed = switch (country) {
            case "GT" -> GUATEMALA;
            case "SV" -> EL_SALVADOR;
            default -> List.of();
        };
        if (fixed.isEmpty()) {
            return List.of();
        }
        List<PublicHoliday> days = new ArrayList<>();
        fixed.forEach(f -> days.add(new PublicHoliday(f.day().atYear(year), f.name())));
        LocalDate easter = easterSunday(year);
        days.add(new PublicHoliday(easter.minusDays(3), "Jueves Santo"));
        days.add(new PublicHoliday(easter.minusDays(2), "Viernes Santo"));
        days.add(new PublicHoliday(easter.minusDays(1), "Sábado Santo"));
        days.sort(Comparator.comparing(PublicHoliday::day));
        return List.copyOf(days);
    }

    /** Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus, Astronomical Algorithms). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
