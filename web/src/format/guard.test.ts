/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

/**
 * Ways to write or read a date that skip the formatter: they use the browser's time zone or language, not the
 * tenant's zone and the app's language. Native date and time inputs show the browser's language too.
 */
const FORBIDDEN: [string, RegExp][] = [
  ['toLocale*String', /\.toLocale(?:Date|Time)?String\(/],
  ['Intl date formatting', /Intl\.(?:DateTimeFormat|RelativeTimeFormat)/],
  ['a date library', /from ['"](?:dayjs|date-fns|moment|luxon)/],
  ['a native date or time input', /type=["'](?:date|time|datetime-local|month|week)["']/],
  ['a browser-zone clock', /\.(?:get|set)(?:Hours|Minutes|Date|Day|Month|FullYear)\(|getTimezoneOffset/],
];

const everything = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'],
  { query: '?raw', import: 'default', eager: true });
/** every source file but the formatter's own */
const sources = Object.fromEntries(Object.entries(everything)
  .filter(([path]) => !path.startsWith('./') && !path.startsWith('../format/')));

/** What each file does that it should leave to the formatter, `inbox/Bubble.tsx: toLocale*String`. */
export function offences(files: Record<string, string>): string[] {
  return Object.entries(files).flatMap(([path, text]) =>
    FORBIDDEN.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${path.replace(/^\.\.\//, '')}: ${what}`));
}

describe('dates and times', () => {
  it('are read from every screen and module', () => {
    expect(Object.keys(sources)).toContain('../admin/AuditLogPage.tsx');
  });

  it('go through the formatter (web/src/format) only: no screen formats, parses or inputs them itself', () => {
    expect(offences(sources)).toEqual([]);
  });

  it('are caught when a screen formats one itself (the check itself)', () => {
    expect(offences({
      '../a.tsx': 'new Date(x).toLocaleDateString()', '../b.tsx': 'new Intl.DateTimeFormat("es")',
      '../c.tsx': '<TextField type="date" />', '../d.ts': "import dayjs from 'dayjs'", '../e.ts': 'd.setHours(8)',
      '../f.ts': 'format.dateTime(v)',
    })).toEqual(['a.tsx: toLocale*String', 'b.tsx: Intl date formatting', 'c.tsx: a native date or time input',
      'd.ts: a date library', 'e.ts: a browser-zone clock']);
  });
});
