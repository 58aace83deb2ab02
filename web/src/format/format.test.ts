import { describe, expect, it } from 'vitest';
import { formatter } from './format';

// ICU writes some spaces as no-break ones: compare with plain spaces
const plain = (s: string) => s.replace(/\s/g, ' ');

// 03:30 on 6 December in UTC is still the evening of the 5th in Guatemala (UTC-6)
const moment = '2026-12-06T03:30:00Z';

describe('the formatter', () => {
  const es = formatter({ language: 'es', timeZone: 'America/Guatemala' });
  const en = formatter({ language: 'en', timeZone: 'America/Guatemala' });

  it('writes a moment in the tenant time zone, not the browser one', () => {
    expect(es.dateTime(moment)).toBe('05/12/2026 21:30');
    expect(en.dateTime(moment)).toBe('05/12/2026 21:30');
    expect(formatter({ language: 'en', timeZone: 'Asia/Tokyo' }).dateTime(moment)).toBe('06/12/2026 12:30');
    expect(es.time(moment)).toBe('21:30');
    expect(en.time(new Date(moment))).toBe('21:30');
  });

  it('writes a calendar day as it is, whatever the zone, day and month with two digits in both languages', () => {
    expect(es.date('2026-12-06')).toBe('06/12/2026');
    expect(es.date('2027-01-15')).toBe('15/01/2027');
    expect(en.date('2027-01-05')).toBe('05/01/2027');
    expect(formatter({ language: 'en', timeZone: 'Pacific/Kiritimati' }).date('2026-12-06')).toBe('06/12/2026');
  });

  it('writes today as a time and older days as day and month, by the tenant calendar', () => {
    const sameEveningInGuatemala = new Date('2026-12-06T05:00:00Z');
    expect(en.dayOrTime(moment, sameEveningInGuatemala)).toBe('21:30');
    expect(es.dayOrTime(moment, new Date('2026-12-06T07:00:00Z'))).toBe('5 dic');
    expect(en.dayOrTime(moment, new Date('2026-12-06T07:00:00Z'))).toBe('5 Dec');
  });

  it('reads a typed day, time and moment back, the moment in the tenant time zone', () => {
    expect(es.parseDate('6/12/2026')).toBe('2026-12-06');
    expect(en.parseDate(' 06-12-2026 ')).toBe('2026-12-06');
    expect(es.parseDate('2026-12-06')).toBe('2026-12-06');
    expect(es.parseDate('30/02/2026')).toBeNull();
    expect(es.parseDate('')).toBe('');
    expect(es.parseTime('9:05')).toBe('09:05');
    expect(es.parseTime('24:00')).toBeNull();
    expect(es.parseDateTime('5/12/2026 21:30')).toBe('2026-12-06T03:30:00.000Z');
    expect(es.parseDateTime('5/12/2026 9 pm')).toBeNull();
    expect(es.at('2026-12-05', '21:30')).toBe('2026-12-06T03:30:00.000Z');
    expect(es.day(new Date(moment))).toBe('2026-12-05');
    expect(es.plusDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(es.weekday('2026-12-06')).toBe(0);
  });

  it('crosses a change of the clocks in the zone (Madrid goes to summer time on 29 March 2026)', () => {
    const madrid = formatter({ language: 'es', timeZone: 'Europe/Madrid' });
    expect(madrid.at('2026-03-28', '12:00')).toBe('2026-03-28T11:00:00.000Z');
    expect(madrid.at('2026-03-29', '12:00')).toBe('2026-03-29T10:00:00.000Z');
    expect(madrid.dateTime('2026-03-29T10:00:00Z')).toBe('29/03/2026 12:00');
  });

  it('writes an amount in its own currency', () => {
    expect(plain(es.money(1500.5, 'GTQ'))).toBe('Q 1,500.50');
    expect(plain(es.money(95, 'USD'))).toBe('USD 95.00');
    expect(plain(en.money(95, 'USD'))).toBe('$95.00');
    expect(plain(en.money(1500.5, 'GTQ'))).toBe('GTQ 1,500.50');
    expect(es.money(null, 'GTQ')).toBe('—');
    expect(en.money(12, null)).toBe('—');
  });

  it('writes numbers and counts, and nothing for a missing moment', () => {
    expect(es.number(12.34567)).toBe('12.346');
    expect(en.count(1234567)).toBe('1,234,567');
    expect(es.dateTime(null)).toBe('');
    expect(en.date(undefined)).toBe('');
  });
});
