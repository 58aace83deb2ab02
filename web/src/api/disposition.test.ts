import { describe, expect, it } from 'vitest';
import { dispositionName } from './client';

describe('the file name the server gives a download', () => {
  it('reads the UTF-8 name first, decoded', () => {
    expect(dispositionName("attachment; filename=\"solicitudes.csv\"; filename*=UTF-8''solicitudes-a%C3%B1o-2026-12-06.csv"))
      .toBe('solicitudes-año-2026-12-06.csv');
  });

  it('reads a plain name, quoted or not', () => {
    expect(dispositionName('attachment; filename="clientes-2026-12-06.xlsx"')).toBe('clientes-2026-12-06.xlsx');
    expect(dispositionName('attachment; filename=customers-2026-12-06.csv')).toBe('customers-2026-12-06.csv');
  });

  it('answers null without a name, so the caller names the file', () => {
    expect(dispositionName(null)).toBeNull();
    expect(dispositionName('attachment')).toBeNull();
  });
});
