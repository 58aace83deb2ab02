import { clock, fromWallClock, isoDay, numericDay, parseIsoDay, validDay, wallClock } from './zone';

/**
 * The one way the app writes and reads moments, calendar days and amounts: moments in the tenant's time zone
 * (not the browser's, so that everybody in the business sees the same hour), in the user's language. Both
 * languages write a day as `06/12/2026` and a time on the 24-hour clock, `21:30` (docs/web-shared-layer.md).
 */
export interface FormatSettings {
  /** the user's language: `es` or `en` */
  language: string;
  /** the tenant's IANA time zone; the browser's when not known yet */
  timeZone?: string;
}

export type Formatter = ReturnType<typeof formatter>;

/** The locale a language writes with: US English, or the Spanish of Guatemala. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-US' : 'es-GT';
}

type Moment = string | Date;
const momentOf = (v: Moment) => (typeof v === 'string' ? new Date(v) : v);
/** a moment the formatter can write; what is not one (text typed into a field) is written as it is */
const valid = (v: Moment) => !Number.isNaN(momentOf(v).getTime());

/** Day, month and year as typed, `6/12/2026`, `06-12-2026` or `2026-12-06`; null when it is no calendar day. */
function readDay(text: string) {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return m ? validDay(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/** A time as typed, `9:05` or `21:30`; null when it is none. */
function readTime(text: string) {
  const m = /^(\d{1,2})[:.h](\d{2})$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

export function formatter({ language, timeZone }: FormatSettings) {
  const locale = localeOf(language);
  // the short month name in the language, day first in both: `5 dic`, `5 Dec`
  const dayMonth = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : locale, { timeZone, day: 'numeric', month: 'short' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const wall = (v: Moment) => wallClock(momentOf(v), timeZone);
  const at = (day: { year: number; month: number; day: number }, time: { hour: number; minute: number }) =>
    fromWallClock({ ...day, ...time }, timeZone).toISOString();
  return {
    /** the tenant's time zone the moments are written in (undefined: the browser's, before sign-in) */
    timeZone,
    /** a moment (an ISO instant) as date and time, `05/12/2026 21:30` */
    dateTime: (v: Moment | null | undefined) => (!v ? '' : valid(v) ? `${numericDay(wall(v))} ${clock(wall(v))}` : String(v)),
    /** a moment as its time of day, `21:30` */
    time: (v: Moment | null | undefined) => (!v ? '' : valid(v) ? clock(wall(v)) : String(v)),
    /** a calendar day (`2026-12-06`) as the language writes it, `06/12/2026`: a day is no moment, no zone moves it */
    date: (v: string | null | undefined) => {
      const day = v ? parseIsoDay(v.slice(0, 10)) : null;
      return day ? numericDay(day) : v ?? '';
    },
    /** today's moments as a time, older ones as day and month (lists of conversations) */
    dayOrTime: (v: string | null | undefined, now: Date = new Date()) => {
      if (!v) return '';
      return isoDay(wall(v)) === isoDay(wall(now)) ? clock(wall(v)) : dayMonth.format(momentOf(v)).replace('.', '');
    },
    /** the tenant's calendar day of a moment (today by default), `2026-12-06` */
    day: (v: Moment = new Date()) => isoDay(wall(v)),
    /** the calendar day `days` after `day` (both `2026-12-06`) */
    plusDays: (day: string, days: number) => {
      const d = parseIsoDay(day);
      return d ? new Date(Date.UTC(d.year, d.month - 1, d.day + days)).toISOString().slice(0, 10) : '';
    },
    /** the day of the week of a calendar day, 0 for Sunday to 6 for Saturday */
    weekday: (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay(),
    /** the moment the tenant's clocks show that day (`2026-12-06`) and time (`08:00`) */
    at: (day: string, time = '00:00') => {
      const d = parseIsoDay(day);
      const t = readTime(time);
      return d && t ? at(d, t) : '';
    },
    /** a typed day, `6/12/2026`, as `2026-12-06`; '' when empty, null when it is no day */
    parseDate: (text: string) => {
      if (!text.trim()) return '';
      const d = readDay(text.trim());
      return d ? isoDay(d) : null;
    },
    /** a typed time, `9:05`, as `09:05`; '' when empty, null when it is none */
    parseTime: (text: string) => {
      if (!text.trim()) return '';
      const t = readTime(text.trim());
      return t ? clock(t) : null;
    },
    /** a typed day and time in the tenant's zone, `6/12/2026 21:30`, as an ISO instant; '' when empty, null when invalid */
    parseDateTime: (text: string) => {
      if (!text.trim()) return '';
      const [dayText, timeText = '00:00'] = text.trim().split(/\s+|,\s*/).filter(Boolean);
      const d = readDay(dayText);
      const t = readTime(timeText);
      return d && t ? at(d, t) : null;
    },
    /** an amount in its own currency; a dash when there is none */
    money: (amount: number | null | undefined, currency: string | null | undefined) =>
      amount === null || amount === undefined || !currency
        ? '—' : new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount),
    /** a quantity or rate, up to three decimals */
    number: (v: number) => number.format(v),
    /** a whole count with the language's grouping */
    count: (v: number) => count.format(v),
  };
}
