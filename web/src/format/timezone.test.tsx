import { render, screen } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import { SignedInAs, type Me } from '../auth/AuthContext';
import { useFormat } from './useFormat';

// the browser is in Madrid (UTC+1 in December); the business is in Guatemala (UTC-6). Node reads TZ anew when it
// is set, as a browser would have its own zone.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const browserZone = env.TZ;
env.TZ = 'Europe/Madrid';
afterAll(() => {
  if (browserZone === undefined) delete env.TZ;
  else env.TZ = browserZone;
});

const moment = '2026-12-06T03:30:00Z';

const me = (timeZone: string): Me => ({
  user: { id: 'u1', email: 'ana@example.com', fullName: 'Ana', language: 'es' },
  tenant: { id: 't1', slug: 'demo', name: 'Demo', country: 'GT', timeZone },
  permissions: [], permissionVersion: 1,
});

function When({ value }: { value: string }) {
  const format = useFormat();
  return <span data-testid="when">{format.dateTime(value)} · {format.day(value)}</span>;
}

describe('a moment on a screen', () => {
  it('runs in a browser in Madrid (the check itself)', () => {
    expect(new Date(moment).getHours()).toBe(4);
  });

  it('is written in the tenant time zone, not the browser one', () => {
    render(<SignedInAs me={me('America/Guatemala')}><When value={moment} /></SignedInAs>);
    expect(screen.getByTestId('when')).toHaveTextContent('05/12/2026 21:30 · 2026-12-05');
  });

  it('follows the tenant when it is elsewhere', () => {
    render(<SignedInAs me={me('America/El_Salvador')}><When value="2027-01-15T18:00:00Z" /></SignedInAs>);
    expect(screen.getByTestId('when')).toHaveTextContent('15/01/2027 12:00 · 2027-01-15');
  });
});
