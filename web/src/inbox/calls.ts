import { api, save, type Page } from '../api/client';
import type { CannedResponse, Channel, Conversation, Message, Note, Outgoing, Team } from './types';

/** The inbox API's writes and its settings' reads, one function per call; the live queries are in api.ts. */
const BASE = '/api/v1/inbox';

export const inboxApi = {
  setStatus: (id: string, body: { status: string; snoozedUntil?: string }) =>
    api<Conversation>(`${BASE}/conversations/${id}/status`, { method: 'PUT', body }),
  assign: (id: string, body: { assigneeId: string | null; teamId: string | null }) =>
    api<Conversation>(`${BASE}/conversations/${id}/assignee`, { method: 'PUT', body }),
  setLabels: (id: string, body: { labels: string[]; priority: string }) =>
    api<Conversation>(`${BASE}/conversations/${id}/labels`, { method: 'PUT', body }),
  addNote: (id: string, body: string) => api<Note>(`${BASE}/conversations/${id}/notes`, { method: 'POST', body: { body } }),
  /** sends a message; the same key for a retry makes the server send it once */
  send: (contactId: string, outgoing: Outgoing, idempotencyKey: string) =>
    api<Message>(`${BASE}/contacts/${contactId}/messages`, { method: 'POST', body: outgoing, headers: { 'Idempotency-Key': idempotencyKey }, quiet: true }),
  /** the agent opened the conversation: the contact's messages are reported read on WhatsApp (blue ticks) */
  markRead: (id: string) => api<{ read: number }>(`${BASE}/conversations/${id}/read`, { method: 'POST', quiet: true }),
  linkCustomer: (contactId: string, customerId: string) =>
    api(`${BASE}/contacts/${contactId}/customer`, { method: 'PUT', body: { customerId } }),
  setPresence: (status: 'ONLINE' | 'AWAY') => api(`${BASE}/presence`, { method: 'PUT', body: { status }, quiet: true }),
};

/** The inbox settings: canned responses, teams and WhatsApp channels. */
export const inboxSettingsApi = {
  canned: (q: string, page: number, size: number) =>
    api<Page<CannedResponse>>(`${BASE}/canned-responses?q=${encodeURIComponent(q)}&page=${page}&size=${size}`),
  saveCanned: (id: string | undefined, body: { shortCode: string; title: string; body: string }) => save(`${BASE}/canned-responses`, id, body),
  deleteCanned: (id: string) => api(`${BASE}/canned-responses/${id}`, { method: 'DELETE' }),
  teams: () => api<Team[]>(`${BASE}/teams`),
  saveTeam: (id: string | undefined, body: unknown) => save(`${BASE}/teams`, id, body),
  deleteTeam: (id: string) => api(`${BASE}/teams/${id}`, { method: 'DELETE' }),
  saveWhatsApp: (id: string | undefined, body: unknown) =>
    api<Channel>(id ? `${BASE}/channels/${id}/whatsapp` : `${BASE}/channels/whatsapp`, { method: id ? 'PUT' : 'POST', body }),
};
