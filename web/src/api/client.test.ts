import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endSession, refreshSession, session } from './client';

type Call = [string, RequestInit];

function tokens() {
  return new Response(JSON.stringify({ accessToken: 'a.b.c', tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 604800 }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('the session in the browser', () => {
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    localStorage.clear();
    session.clear();
    localStorage.setItem('ambiosys.signedIn', '1'); // signed in before, in this browser
    fetchMock = vi.fn(async (url: string) => (String(url).endsWith('/auth/logout') ? new Response(null, { status: 204 }) : tokens()));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  const calls = () => fetchMock.mock.calls as unknown as Call[];

  it('refreshes with the cookie alone and keeps no token in localStorage', async () => {
    expect(await refreshSession()).toBe(true);

    const [url, init] = calls()[0];
    expect(url).toBe('/api/v1/auth/refresh');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBeUndefined();
    expect(session.hasAccess()).toBe(true);
    expect(Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i))).toEqual(['ambiosys.signedIn']);
    expect(localStorage.getItem('ambiosys.signedIn')).toBe('1');
  });

  it('does not ask for a refresh in a browser that never signed in', async () => {
    localStorage.clear();
    expect(await refreshSession()).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('carries over a refresh token an older version stored, once, and removes it', async () => {
    localStorage.setItem('ambiosys.refresh', 'tenant.legacy-token');

    await refreshSession();
    expect(JSON.parse(String(calls()[0][1].body))).toEqual({ refreshToken: 'tenant.legacy-token' });
    expect(localStorage.getItem('ambiosys.refresh')).toBeNull();

    await refreshSession();
    expect(calls()[1][1].body).toBeUndefined();
  });

  it('asks the server once when several requests need a refresh at the same time', async () => {
    const results = await Promise.all([refreshSession(), refreshSession(), refreshSession()]);
    expect(results).toEqual([true, true, true]);
    expect(calls()).toHaveLength(1);
  });

  it('forgets the access token when the refresh is refused', async () => {
    await refreshSession();
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ type: 'urn:ambiosys:problem:session-expired' }), { status: 401 }));
    expect(await refreshSession()).toBe(false);
    expect(session.hasAccess()).toBe(false);
    expect(localStorage.getItem('ambiosys.signedIn')).toBeNull();
  });

  it('logs out with the cookie, sends no token and forgets the access token', async () => {
    localStorage.setItem('ambiosys.refresh', 'tenant.legacy-token');
    await refreshSession();

    await endSession();
    const [url, init] = calls()[1];
    expect(url).toBe('/api/v1/auth/logout');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBeUndefined();
    expect(session.hasAccess()).toBe(false);
    expect(localStorage.length).toBe(0);
  });
});
