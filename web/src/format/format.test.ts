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
    expect(plain(es.dateTime(moment))).toBe('5/12/2026, 9:30 p. m.');
    expect(plain(en.dateTime(moment))).toBe('Dec 5, 2026, 9:30 PM');
    expect(plain(formatter({ language: 'en', timeZone: 'Asia/Tokyo' }).dateTime(moment))).toBe('Dec 6, 2026, 12:30 PM');
    expect(plain(es.time(moment))).toBe('9:30 p. m.');
    expect(plain(en.time(new Date(moment)))).toBe('9:30 PM');
  });

  it('writes a calendar day as it is, whatever the zone', () => {
    expect(es.date('2026-12-06')).toBe('6/12/2026');
    expect(en.date('2026-12-06')).toBe('Dec 6, 2026');
    expect(formatter({ language: 'en', timeZone: 'Pacific/Kiritimati' }).date('2026-12-06')).toBe('Dec 6, 2026');
  });

  it('writes today as a time and older days as day and month, by the tenant calendar', () => {
    const sameEveningInGuatemala = new Date('2026-12-06T05:00:00Z');
    expect(plain(en.dayOrTime(moment, sameEveningInGuatemala))).toBe('9:30 PM');
    expect(es.dayOrTime(moment, new Date('2026-12-06T07:00:00Z'))).toBe('5 dic');
    expect(en.dayOrTime(moment, new Date('2026-12-06T07:00:00Z'))).toBe('Dec 5');
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
