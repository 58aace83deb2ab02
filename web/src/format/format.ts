/**
 * The one way the app writes moments, calendar days and amounts: moments in the tenant's time zone (not the
 * browser's, so that everybody in the business sees the same hour), in the user's language.
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

export function formatter({ language, timeZone }: FormatSettings) {
  const locale = localeOf(language);
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' });
  const dayMonth = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' });
  const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone });
  // a calendar day is no moment: it is written as it is, whatever the zone
  const date = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const moment = (v: string | Date) => (typeof v === 'string' ? new Date(v) : v);
  return {
    /** a moment (an ISO instant) as date and time, `Dec 5, 2026, 9:30 PM` */
    dateTime: (v: string | null | undefined) => (v ? dateTime.format(moment(v)) : ''),
    /** a moment as its time of day */
    time: (v: string | Date | null | undefined) => (v ? time.format(moment(v)) : ''),
    /** a calendar day (`2026-12-06`) as the language writes it */
    date: (v: string | null | undefined) => (v ? date.format(new Date(`${v}T12:00:00Z`)) : ''),
    /** today's moments as a time, older ones as day and month (lists of conversations) */
    dayOrTime: (v: string | null | undefined, now: Date = new Date()) => {
      if (!v) return '';
      const d = moment(v);
      return isoDay.format(d) === isoDay.format(now) ? time.format(d) : dayMonth.format(d);
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
