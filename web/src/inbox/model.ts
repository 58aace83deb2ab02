import type { CannedResponse, ConversationSummary, Message } from './types';
import type { SseEvent } from './sse';
import type { NewCustomerInitial } from '../customers/NewCustomerDialog';

/** WhatsApp's customer-service window: free-form messages only within 24 hours of the contact's last message. */
export const WINDOW_MS = 24 * 60 * 60 * 1000;

/** Whether free-form messages may go to the contact now, and until when (the server enforces the same rule). */
export function serviceWindow(messages: Message[], now: number): { open: boolean; closesAt: number | null } {
  let last = -Infinity;
  for (const m of messages) {
    if (m.direction === 'IN') last = Math.max(last, Date.parse(m.sentAt));
  }
  if (last === -Infinity) return { open: false, closesAt: null };
  const closesAt = last + WINDOW_MS;
  return { open: closesAt > now, closesAt };
}

/** A canned response's body for this contact: `{{nombre}}` becomes the contact's first name. */
export function substitute(body: string, contactName: string | null | undefined, fallback = ''): string {
  const first = contactName?.trim().split(/\s+/)[0] ?? '';
  return body.replace(/\{\{\s*nombre\s*\}\}/gi, first || fallback);
}

/** The short code being typed when the composer's text is a slash command (`/sal`), else null. */
export function slashQuery(text: string): string | null {
  const match = /^\/(\S*)$/.exec(text);
  return match ? match[1].toLowerCase() : null;
}

/** The canned responses that fit the typed code: short codes that start with it first, then any that contain it. */
export function filterCanned(list: CannedResponse[], query: string): CannedResponse[] {
  const q = query.toLowerCase();
  const starts = list.filter((c) => c.shortCode.toLowerCase().startsWith(q));
  const contains = list.filter((c) => !starts.includes(c) && (c.shortCode.toLowerCase().includes(q) || c.title.toLowerCase().includes(q)));
  return [...starts, ...contains];
}

/** A template's text with its `{{1}}`, `{{2}}`… filled in (empty ones shown as they are). */
export function fillTemplate(body: string, parameters: string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => parameters[Number(n) - 1]?.trim() || whole);
}

/**
 * One `Idempotency-Key` per composed message: retrying the same message (a network failure, a 5xx)
 * reuses its key, so the server sends it once; a changed message or the next one gets a new key.
 */
export class ComposeKeys {
  private key: string | null = null;
  private fingerprint: string | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** The key for the message about to be sent, described by its fingerprint (its JSON body). */
  forMessage(fingerprint: string): string {
    if (this.key === null || this.fingerprint !== fingerprint) {
      this.key = this.newKey();
      this.fingerprint = fingerprint;
    }
    return this.key;
  }

  /** The server answered the message: the next one is another. */
  done() {
    this.key = null;
    this.fingerprint = null;
  }
}

export interface ListFilter {
  status?: string;
  assigneeId?: string;
  unassigned?: boolean;
  teamId?: string;
  label?: string;
  channelId?: string;
}

const byRecency = (a: ConversationSummary, b: ConversationSummary) =>
  (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? '') || b.id.localeCompare(a.id);

function parse(event: SseEvent): Record<string, unknown> {
  try {
    const data = JSON.parse(event.data);
    return data && typeof data === 'object' ? data : {};
  } catch {
    return {};
  }
}

const str = (v: unknown) => (typeof v === 'string' && v !== 'null' ? v : null);

/**
 * A live event applied to the conversation list the agent is looking at: the conversation moves up
 * with its new last message, takes its new status or labels, or leaves a list whose filter it no
 * longer fits. `refetch` says the list cannot be fixed locally (a conversation it does not hold).
 */
export function mergeListEvent(items: ConversationSummary[], event: SseEvent, filter: ListFilter, now = new Date()):
  { items: ConversationSummary[]; refetch: boolean } {
  const data = parse(event);
  const conversationId = str(data.conversationId);
  const contactId = str(data.contactId);
  const index = items.findIndex((c) => (conversationId ? c.id === conversationId : c.contactId === contactId));
  const found = index >= 0 ? items[index] : null;
  switch (event.event) {
    case 'message.new': {
      if (!found) return { items, refetch: true };
      const updated: ConversationSummary = {
        ...found,
        lastMessage: str(data.body) ?? found.lastMessage,
        lastMessageAt: str(data.sentAt) ?? now.toISOString(),
      };
      return { items: [updated, ...items.filter((c) => c !== found)].sort(byRecency), refetch: false };
    }
    case 'conversation.updated': {
      const status = str(data.status);
      if (!found) return { items, refetch: status !== null && (!filter.status || filter.status === status) };
      if (status && filter.status && status !== filter.status) return { items: items.filter((c) => c !== found), refetch: false };
      const updated = { ...found } as ConversationSummary;
      if (status) updated.status = status as ConversationSummary['status'];
      if (Array.isArray(data.labels)) updated.labels = data.labels as string[];
      if (filter.label && !updated.labels.includes(filter.label.toLowerCase())) {
        return { items: items.filter((c) => c !== found), refetch: false };
      }
      return { items: items.map((c) => (c === found ? updated : c)), refetch: false };
    }
    case 'conversation.assigned': {
      const assigneeId = str(data.assigneeId);
      const teamId = str(data.teamId);
      const fits = (filter.assigneeId ? assigneeId === filter.assigneeId : true) && (filter.unassigned ? assigneeId === null : true)
        && (filter.teamId ? teamId === filter.teamId : true);
      if (!found) return { items, refetch: fits && (!!filter.assigneeId || !!filter.unassigned || !!filter.teamId) };
      if (!fits) return { items: items.filter((c) => c !== found), refetch: false };
      // the name and the team come with the next read
      return { items: items.map((c) => (c === found ? { ...c, assigneeId, teamId } : c)), refetch: true };
    }
    default:
      return { items, refetch: false };
  }
}

/**
 * A live event applied to the open thread (oldest first): a delivery status lands on its message;
 * a new message of this contact is shown at once (the full message follows with the next read).
 */
export function mergeThreadEvent(messages: Message[], event: SseEvent, contactId: string, now = new Date()): Message[] {
  const data = parse(event);
  if (event.event === 'message.status') {
    const externalId = str(data.externalId);
    const status = str(data.status);
    if (!externalId || !status) return messages;
    let changed = false;
    const next = messages.map((m) => {
      if (m.externalId !== externalId || m.status === status) return m;
      changed = true;
      return { ...m, status };
    });
    return changed ? next : messages;
  }
  if (event.event !== 'message.new' || str(data.contactId) !== contactId) return messages;
  const id = str(data.messageId);
  const externalId = str(data.externalId);
  if (messages.some((m) => (id && m.id === id) || (externalId && m.externalId === externalId))) return messages;
  const direction = data.direction === 'OUT' ? 'OUT' : 'IN';
  return [...messages, {
    id: id ?? `live-${externalId ?? now.getTime()}`,
    direction,
    type: str(data.type) ?? 'text',
    body: str(data.body),
    status: str(data.status) ?? (direction === 'IN' ? 'RECEIVED' : 'PENDING'),
    externalId,
    error: null,
    sentAt: str(data.sentAt) ?? now.toISOString(),
  }];
}

/** Whether the conversation has a message newer than when the agent last opened it. */
export function isUnread(c: ConversationSummary, seenAt: Record<string, string>): boolean {
  if (!c.lastMessageAt) return false;
  const seen = seenAt[c.id];
  return !seen || c.lastMessageAt > seen;
}

/** The Cloud API's error stored on a failed message, as one readable line. */
export function cloudError(error: Record<string, unknown> | null): string | null {
  if (!error) return null;
  const details = (error.error_data as { details?: unknown } | undefined)?.details;
  const parts = [error.title, error.message, details].filter((p): p is string => typeof p === 'string' && p.length > 0);
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  const code = error.code !== undefined ? ` (${String(error.code)})` : '';
  return (unique.join(': ') || 'Error') + code;
}

/** A map link for a location message: its coordinates when known, else its name and address. */
export function mapLink(m: Message): string {
  const query = m.location ? `${m.location.latitude},${m.location.longitude}` : (m.body ?? '');
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}

/** The stored file of a media message, if it has been downloaded yet. */
export function mediaFile(m: Message): { fileId: string; mediaType: string | null; filename: string | null } | null {
  const fileId = m.media?.fileId;
  if (!fileId) return null;
  return { fileId, mediaType: m.media?.mediaType ?? null, filename: m.media?.filename ?? null };
}

/**
 * The thread shown: the earlier messages loaded on demand, then the latest page (both oldest first),
 * each message once, with the latest page's copy (its status is the live one).
 */
export function withOlder(older: Message[], latest: Message[]): Message[] {
  if (older.length === 0) return latest;
  const inLatest = new Set(latest.map((m) => m.id));
  return [...older.filter((m) => !inLatest.has(m.id)), ...latest];
}

/**
 * A new customer made from a WhatsApp contact: a person, named as their profile, with their phone, in the country
 * of its code (Guatemala +502, El Salvador +503; the form's default otherwise).
 */
export function newCustomerFromContact(name: string | null, phone: string | null): NewCustomerInitial {
  const profile = name?.trim() ?? '';
  const number = phone?.trim() ?? '';
  const country = number.startsWith('+503') ? 'SV' : number.startsWith('+502') ? 'GT' : undefined;
  return { kind: 'PERSON', commercialName: profile, contactName: profile, phone: number, ...(country ? { country } : {}) };
}
