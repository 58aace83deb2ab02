/**
 * Wall clocks of a time zone: what day and hour a moment is in a zone, and which moment a day and hour of a
 * zone is. The only place besides format.ts that asks Intl about dates (the guard in format/guard.test.ts).
 */
export interface WallClock {
  year: number;
  /** 1 to 12 */
  month: number;
  day: number;
  /** 0 to 23 */
  hour: number;
  minute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
    formats.set(key, found);
  }
  return found;
}

/** The day and time a moment shows on the clocks of the zone (the browser's when none is given). */
export function wallClock(moment: Date, timeZone?: string): WallClock {
  const parts = Object.fromEntries(partsFormat(timeZone).formatToParts(moment).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24,
    minute: Number(parts.minute) };
}

const asUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);

/** How far the zone's clocks are ahead of UTC at that moment, in milliseconds (whole minutes). */
function offset(moment: number, timeZone?: string): number {
  const whole = Math.floor(moment / 60_000) * 60_000;
  return asUtc(wallClock(new Date(whole), timeZone)) - whole;
}

/** The moment when the clocks of the zone show that day and time (the later one when a clock change repeats it). */
export function fromWallClock(w: WallClock, timeZone?: string): Date {
  const guess = asUtc(w);
  const first = guess - offset(guess, timeZone);
  const second = guess - offset(first, timeZone);
  return new Date(second);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-12-06` */
export const isoDay = (w: Pick<WallClock, 'year' | 'month' | 'day'>) => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
/** `06/12/2026`: day, month and year, the way both languages of the app write a date */
export const numericDay = (w: Pick<WallClock, 'year' | 'month' | 'day'>) => `${pad(w.day)}/${pad(w.month)}/${pad(w.year, 4)}`;
/** `21:30`: the 24-hour clock both languages of the app use */
export const clock = (w: Pick<WallClock, 'hour' | 'minute'>) => `${pad(w.hour)}:${pad(w.minute)}`;

/** A calendar day written `2026-12-06`, or null when it is not one (`2026-02-30`). */
export function parseIsoDay(text: string): Pick<WallClock, 'year' | 'month' | 'day'> | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? validDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export function validDay(year: number, month: number, day: number): Pick<WallClock, 'year' | 'month' | 'day'> | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? { year, month, day } : null;
}
