import i18n from '../i18n';
import { feedback, feedbackOf } from './feedback';

/** An RFC 9457 problem from the API, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly fieldErrors: { field: string; message: string }[] = [],
    readonly retryAfter?: number,
    /** The whole problem body, for problem-specific members (such as `duplicates`). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

/** What to tell the user of a failure: the problem document's words, or the fallback for anything else. */
export function problemMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.detail ?? error.title;
  return fallback;
}

/**
 * What login and refresh answer. The refresh token is not in it: the server keeps it in an HttpOnly
 * cookie that only the refresh and logout endpoints receive, out of reach of any script on the page.
 */
export interface Tokens {
  accessToken: string;
  expiresIn: number;
}

/** Where versions before the cookie kept the refresh token; read once to carry the session over, then gone. */
const LEGACY_REFRESH_KEY = 'ambiosys.refresh';
/**
 * Not a secret, only a hint that this browser signed in (the page cannot see the HttpOnly cookie): without
 * it a first visit does not ask for a refresh that can only fail (a 401 in the console of every new visitor).
 */
const SIGNED_IN_KEY = 'ambiosys.signedIn';
let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
let onSessionExpired: () => void = () => {};

function remember(signedIn: boolean) {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_KEY, '1');
    else localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // storage disabled: a reload then asks to sign in again
  }
}

function signedInBefore(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_KEY) !== null || localStorage.getItem(LEGACY_REFRESH_KEY) !== null;
  } catch {
    return false;
  }
}

function takeLegacyRefreshToken(): string | null {
  try {
    const token = localStorage.getItem(LEGACY_REFRESH_KEY);
    localStorage.removeItem(LEGACY_REFRESH_KEY);
    return token;
  } catch {
    return null;
  }
}

export const session = {
  set(tokens: Tokens) {
    accessToken = tokens.accessToken;
    remember(true);
  },
  clear() {
    accessToken = null;
    remember(false);
    takeLegacyRefreshToken();
  },
  hasAccess: () => accessToken !== null,
  onExpired(listener: () => void) {
    onSessionExpired = listener;
  },
};

async function toError(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = await response.json();
  } catch {
    // not JSON: keep the status
  }
  const type = typeof body.type === 'string' ? body.type : '';
  const retry = response.headers.get('Retry-After');
  return new ApiError(
    response.status,
    type.replace('urn:ambiosys:problem:', '') || String(response.status),
    typeof body.title === 'string' ? body.title : response.statusText,
    typeof body.detail === 'string' ? body.detail : undefined,
    Array.isArray(body.errors) ? (body.errors as { field: string; message: string }[]) : [],
    retry ? Number(retry) : undefined,
    body,
  );
}

/**
 * Uses the refresh token (the browser sends its cookie) once for everybody waiting; false if the session
 * is over. Two tabs may refresh at the same moment: the server lets the second one use the just-spent token.
 */
export function refreshSession(): Promise<boolean> {
  if (!refreshing && !signedInBefore()) return Promise.resolve(false);
  refreshing ??= (() => {
    const legacy = takeLegacyRefreshToken();
    return fetch('/api/v1/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': i18n.language,
        ...(legacy ? { 'Content-Type': 'application/json' } : {}) },
      body: legacy ? JSON.stringify({ refreshToken: legacy }) : undefined,
    });
  })()
    .then(async (r) => {
      if (!r.ok) {
        session.clear();
        return false;
      }
      session.set(await r.json());
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** Ends the sign-in on the server (the browser sends the refresh cookie, which the answer clears). */
export async function endSession(): Promise<void> {
  try {
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': i18n.language },
    });
  } catch {
    // offline: the cookie stays, but the access token is forgotten below and the sign-in ends at its expiry
  }
  session.clear();
}

interface RequestOptions {
  method?: string;
  /** a JSON value, or `FormData` for a multipart body (the browser sets its boundary) */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** no "saved" snackbar: the call changes nothing the user means to save (a preview, a read mark, a message sent) */
  quiet?: boolean;
  /** how to put back what this change did (a soft delete the API can restore): the snackbar offers it */
  undo?: () => Promise<unknown>;
}

function send(path: string, init: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': i18n.language, ...init.headers };
  const multipart = init.body instanceof FormData;
  if (init.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  return fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    body: init.body === undefined ? undefined : multipart ? (init.body as FormData) : JSON.stringify(init.body),
    signal: init.signal,
  });
}

/**
 * The one way to the API: sends the session's token, and on a 401 refreshes the session once (shared
 * with every request waiting at that moment) and sends the request again; when the session cannot be
 * refreshed, tells the listener that it expired. Answers the successful response; a failure is thrown
 * as an `ApiError` built from the problem document (status 0 when the network failed).
 */
export async function request(path: string, init: RequestOptions = {}): Promise<Response> {
  let response: Response;
  try {
    response = await send(path, init);
    if (response.status === 401 && !path.startsWith('/api/v1/auth/')) {
      if (await refreshSession()) response = await send(path, init);
      else onSessionExpired();
    }
  } catch {
    throw new ApiError(0, 'network', i18n.t('common.error'));
  }
  if (!response.ok) throw await toError(response);
  const kind = feedbackOf(path, init.method ?? 'GET', init.quiet);
  if (kind) feedback.tell({ kind, undo: init.undo });
  return response;
}

/** Calls the API with a JSON body, or a multipart one when the body is `FormData`; answers the JSON reply. */
export async function api<T>(path: string, init: RequestOptions = {}): Promise<T> {
  const response = await request(path, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Creates at `path` (POST) when there is no id yet, replaces `path/id` (PUT) otherwise; answers the JSON reply. */
export function save<T>(path: string, id: string | undefined, body: unknown): Promise<T> {
  return api<T>(id ? `${path}/${id}` : path, { method: id ? 'PUT' : 'POST', body });
}

/** Sends a multipart form (a file upload) to the API; answers the JSON reply. Quiet: the save that uses the file tells. */
export function upload<T>(path: string, form: FormData): Promise<T> {
  return api<T>(path, { method: 'POST', body: form, quiet: true });
}

/**
 * The file name a Content-Disposition header gives (RFC 6266: `filename*` in UTF-8 first, then `filename`); null when
 * there is none.
 */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(header);
  return plain ? (plain[1] ?? plain[2]) : null;
}

/**
 * Downloads a file from the API (with the session's token) and hands it to the browser to save, under the name the
 * server gives (in the user's language, dated in the tenant's zone) or else `filename`.
 */
export async function download(path: string, filename: string): Promise<void> {
  const response = await request(path);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = dispositionName(response.headers.get('Content-Disposition')) ?? filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches a file from the API with the session's token (an <img> cannot send it); null when it is not there. */
export async function fetchBlob(path: string): Promise<Blob | null> {
  try {
    return await (await request(path)).blob();
  } catch {
    return null;
  }
}

/**
 * The raw response for what is not a JSON document, such as the inbox's Server-Sent Events stream
 * (EventSource cannot send the token); a failed answer is thrown like any other.
 */
export function authorizedFetch(path: string, init: { headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Response> {
  return request(path, init);
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  /** true when `total` is the database's estimate (very long lists), not an exact count */
  totalEstimated?: boolean;
  total: number;
}

/** A list that pages and sorts on the server: the root of its query keys and how to read one page of it. */
export interface PagedList<T> {
  key: string;
  page(params: URLSearchParams): Promise<Page<T>>;
}

/** The paged list at `path` (which answers a `Page`), cached under `key`. */
export function pagedList<T>(key: string, path: string): PagedList<T> {
  return { key, page: (params) => api<Page<T>>(`${path}?${params}`) };
}
