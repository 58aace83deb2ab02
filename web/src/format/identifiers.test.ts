import { describe, expect, it } from 'vitest';
import { formatPhone, formatTaxId, isPhone, normalizePhone } from './identifiers';

describe('the one phone rule', () => {
  it('takes a national number of the default country and one with its code, however separated', () => {
    expect(normalizePhone('5012 3456')).toBe('+50250123456');
    expect(normalizePhone('5012-3456', 'GT')).toBe('+50250123456');
    expect(normalizePhone('+502 5012 3456', 'SV')).toBe('+50250123456');
    expect(normalizePhone('00502 5012 3456')).toBe('+50250123456');
    expect(normalizePhone('(502) 5555 1234', 'SV')).toBe('+50255551234');
    expect(normalizePhone('7012.3456', 'SV')).toBe('+50370123456');
    expect(normalizePhone('+1 (305) 555-0123')).toBe('+13055550123');
  });

  it('refuses what the server refuses, in every form alike', () => {
    for (const bad of ['12', '1234-5678', '5555-12345', 'llámame', '+502 1234 5678']) {
      expect(normalizePhone(bad, 'GT'), bad).toBeNull();
    }
    expect(normalizePhone('9123-4567', 'SV')).toBeNull();
    expect(isPhone('')).toBe(true);
    expect(isPhone('5012 3456')).toBe(true); // a form that took only +502… refused this one
    expect(isPhone('+50250123456')).toBe(true);
    expect(isPhone('12')).toBe(false);
  });
});

describe('identifiers as people write them', () => {
  it('writes phones with their code and two groups of four', () => {
    expect(formatPhone('+50250123456')).toBe('+502 5012 3456');
    expect(formatPhone('+50370123456')).toBe('+503 7012 3456');
    expect(formatPhone('+13055550123')).toBe('+13055550123');
    expect(formatPhone(null)).toBe('');
  });

  it('writes tax ids with their check digit apart', () => {
    expect(formatTaxId('576937K', 'GT')).toBe('576937-K');
    expect(formatTaxId('576937K')).toBe('576937-K');
    expect(formatTaxId('CF', 'GT')).toBe('CF');
    expect(formatTaxId('06140101901011', 'SV')).toBe('0614-010190-101-1');
    expect(formatTaxId('123456789', 'SV')).toBe('12345678-9');
    expect(formatTaxId(null)).toBe('');
  });
});
