import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, authorizedFetch, endSession, fetchBlob, refreshSession, session, upload } from './client';

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

describe('the request core', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  let refreshes: number;
  let refreshAnswer: () => Response;

  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  const authorization = (init: RequestInit) => (init.headers as Record<string, string>).Authorization;

  beforeEach(() => {
    localStorage.clear();
    session.clear();
    localStorage.setItem('ambiosys.signedIn', '1');
    session.set({ accessToken: 'expired', expiresIn: 900 });
    refreshes = 0;
    refreshAnswer = tokens;
    fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      if (url === '/api/v1/auth/refresh') {
        refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 5)); // still in flight while the others arrive
        return refreshAnswer();
      }
      if (authorization(init) !== 'Bearer a.b.c') return json({ type: 'urn:ambiosys:problem:unauthorized', title: 'Unauthorized' }, 401);
      if (url === '/api/v1/problem') {
        return json({
          type: 'urn:ambiosys:problem:validation', title: 'Datos inválidos', detail: 'Revise el nombre',
          errors: [{ field: 'name', message: 'obligatorio' }], duplicates: ['c-1'],
        }, 422, { 'Retry-After': '30' });
      }
      if (url === '/api/v1/file') return new Response('png', { status: 200 });
      return json({ path: url, method: init.method });
    });
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    session.onExpired(() => {});
  });

  const calls = () => fetchMock.mock.calls as unknown as Call[];

  it('refreshes once for several requests answered 401 at the same time, and retries each', async () => {
    const results = await Promise.all([api('/api/v1/a'), api('/api/v1/b'), api('/api/v1/c', { method: 'POST', body: { x: 1 } })]);

    expect(refreshes).toBe(1);
    expect(results).toEqual([
      { path: '/api/v1/a', method: 'GET' }, { path: '/api/v1/b', method: 'GET' }, { path: '/api/v1/c', method: 'POST' },
    ]);
    expect(calls().filter(([url]) => url === '/api/v1/c')).toHaveLength(2);
  });

  it('retries with the new token and the same body after the refresh', async () => {
    await api('/api/v1/c', { method: 'PUT', body: { name: 'Ana' } });

    const [first, , retry] = calls();
    expect(authorization(first[1])).toBe('Bearer expired');
    expect(authorization(retry[1])).toBe('Bearer a.b.c');
    expect(retry[1].method).toBe('PUT');
    expect(retry[1].body).toBe('{"name":"Ana"}');
    expect((retry[1].headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('sends uploads, downloads and streams through the same refresh', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x']), 'x.txt');
    expect(await upload('/api/v1/files', form)).toEqual({ path: '/api/v1/files', method: 'POST' });
    const retriedUpload = calls().filter(([url]) => url === '/api/v1/files')[1][1];
    expect(retriedUpload.body).toBe(form);
    expect((retriedUpload.headers as Record<string, string>)['Content-Type']).toBeUndefined();

    session.set({ accessToken: 'expired', expiresIn: 900 });
    expect(await (await fetchBlob('/api/v1/file'))?.text()).toBe('png');
    session.set({ accessToken: 'expired', expiresIn: 900 });
    expect((await authorizedFetch('/api/v1/stream', { headers: { Accept: 'text/event-stream' } })).status).toBe(200);
    expect(refreshes).toBe(3);
  });

  it('surfaces a problem document as an error with its fields', async () => {
    session.set({ accessToken: 'a.b.c', expiresIn: 900 });
    const error = await api('/api/v1/problem').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422, code: 'validation', title: 'Datos inválidos', detail: 'Revise el nombre', message: 'Revise el nombre',
      fieldErrors: [{ field: 'name', message: 'obligatorio' }], retryAfter: 30,
    });
    expect((error as ApiError).body.duplicates).toEqual(['c-1']);
    expect(refreshes).toBe(0);
  });

  it('signs out when the refresh is refused, and fails the request', async () => {
    const expired = vi.fn();
    session.onExpired(expired);
    refreshAnswer = () => json({ type: 'urn:ambiosys:problem:session-expired' }, 401);

    const error = await api('/api/v1/a').catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(expired).toHaveBeenCalledTimes(1);
    expect(session.hasAccess()).toBe(false);
    expect(localStorage.getItem('ambiosys.signedIn')).toBeNull();
    expect(await fetchBlob('/api/v1/file')).toBeNull();
  });

  it('answers a network failure as an error with status 0', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await api('/api/v1/a').catch((e: unknown) => e)).toMatchObject({ status: 0, code: 'network' });
  });
});
