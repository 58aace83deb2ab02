import { describe, expect, it } from 'vitest';
import { settingsBody } from './settings';
import type { Settings } from './types';

describe('settingsBody', () => {
  it('sends only the fields the server takes, whatever the fetched settings carried', () => {
    const fetched = {
      approvalRequired: true, timeZone: 'America/Guatemala', updatedAt: '2026-12-06T10:00:00Z',
      week: { MONDAY: [['08:00', '12:00', 'extra']] },
      holidays: [{ day: '2026-12-25', name: 'Navidad', id: 'h1' }, { day: '', name: '' }, { day: '2027-01-01', name: '  ' }],
    } as unknown as Settings;
    expect(settingsBody(fetched)).toEqual({
      approvalRequired: true, timeZone: 'America/Guatemala', week: { MONDAY: [['08:00', '12:00']] },
      holidays: [{ day: '2026-12-25', name: 'Navidad' }],
    });
  });
});
