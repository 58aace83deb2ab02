import { describe, expect, it } from 'vitest';
import {
  cloudError, ComposeKeys, filterCanned, fillTemplate, isUnread, mergeListEvent, mergeThreadEvent, serviceWindow, slashQuery,
  substitute, withOlder,
} from './model';
import type { CannedResponse, ConversationSummary, Message } from './types';

const msg = (over: Partial<Message>): Message => ({
  id: 'm', direction: 'IN', type: 'text', body: 'Hola', status: 'RECEIVED', externalId: null, error: null,
  sentAt: '2026-11-20T10:00:00Z', ...over,
});

describe('serviceWindow', () => {
  const now = Date.parse('2026-11-21T09:00:00Z');
  it('is open for 24 hours after the contact last wrote', () => {
    const w = serviceWindow([msg({ sentAt: '2026-11-20T10:00:00Z' }), msg({ direction: 'OUT', sentAt: '2026-11-21T08:00:00Z' })], now);
    expect(w).toEqual({ open: true, closesAt: Date.parse('2026-11-21T10:00:00Z') });
  });
  it('is closed after 24 hours and when the contact never wrote, whatever we sent', () => {
    expect(serviceWindow([msg({ sentAt: '2026-11-20T08:59:59Z' })], now).open).toBe(false);
    expect(serviceWindow([msg({ direction: 'OUT', sentAt: '2026-11-21T08:00:00Z' })], now)).toEqual({ open: false, closesAt: null });
  });
});

describe('canned responses', () => {
  const list: CannedResponse[] = [
    { id: '1', shortCode: 'saludo', title: 'Saludo', body: 'Hola {{nombre}}, ¿en qué le ayudamos?', updatedAt: '' },
    { id: '2', shortCode: 'precio', title: 'Precios de sanitarios', body: 'Precio: Q350', updatedAt: '' },
    { id: '3', shortCode: 'horario-sal', title: 'Horario', body: 'De 8 a 17', updatedAt: '' },
  ];
  it('substitutes the contact first name for {{nombre}}', () => {
    expect(substitute(list[0].body, 'María José Pérez')).toBe('Hola María, ¿en qué le ayudamos?');
    expect(substitute('Hola {{ Nombre }}', null, 'cliente')).toBe('Hola cliente');
  });
  it('opens with a slash and filters by short code, starting matches first', () => {
    expect(slashQuery('/sal')).toBe('sal');
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('hola /sal')).toBeNull();
    expect(slashQuery('/sal ')).toBeNull();
    expect(filterCanned(list, 'sal').map((c) => c.id)).toEqual(['1', '3']);
    expect(filterCanned(list, 'sanit').map((c) => c.id)).toEqual(['2']);
  });
  it('fills template parameters', () => {
    expect(fillTemplate('Hola {{1}}, su cita es el {{2}}', ['Ana', ''])).toBe('Hola Ana, su cita es el {{2}}');
  });
});

describe('ComposeKeys', () => {
  it('keeps the key across retries of the same message and changes it for the next', () => {
    let n = 0;
    const keys = new ComposeKeys(() => `k${++n}`);
    expect(keys.forMessage('{"text":"Hola"}')).toBe('k1');
    expect(keys.forMessage('{"text":"Hola"}')).toBe('k1'); // retry after a network error
    expect(keys.forMessage('{"text":"Hola!"}')).toBe('k2'); // edited: another message
    keys.done();
    expect(keys.forMessage('{"text":"Hola!"}')).toBe('k3'); // sent again on purpose
  });
});

const conv = (id: string, over: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id, channelId: 'ch', contactId: `contact-${id}`, contactName: 'Ana', contactPhone: '+50255551234', customerId: null,
  status: 'OPEN', priority: 'NORMAL', assigneeId: null, assigneeName: null, labels: [], lastMessageAt: `2026-11-20T10:0${id}:00Z`,
  lastMessage: 'x', snoozedUntil: null, ...over,
});
const ev = (event: string, data: object) => ({ event, data: JSON.stringify(data), id: '1' });

describe('mergeListEvent', () => {
  const list = [conv('3'), conv('2'), conv('1')];
  it('moves a conversation with a new message to the top with its text', () => {
    const r = mergeListEvent(list, ev('message.new', { conversationId: '1', contactId: 'contact-1', direction: 'IN', body: 'Necesito una fosa',
      sentAt: '2026-11-20T11:00:00Z' }), {});
    expect(r.refetch).toBe(false);
    expect(r.items.map((c) => c.id)).toEqual(['1', '3', '2']);
    expect(r.items[0].lastMessage).toBe('Necesito una fosa');
  });
  it('finds our own sends by contact and asks for a refetch for an unknown conversation', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const r = mergeListEvent(list, ev('message.new', { contactId: 'contact-2', direction: 'OUT', body: 'Con gusto' }), {}, now);
    expect(r.items[0]).toMatchObject({ id: '2', lastMessage: 'Con gusto', lastMessageAt: now.toISOString() });
    expect(mergeListEvent(list, ev('message.new', { conversationId: '9', contactId: 'c9' }), {}).refetch).toBe(true);
  });
  it('drops a conversation that no longer fits the status or assignee filter and updates one that does', () => {
    expect(mergeListEvent(list, ev('conversation.updated', { conversationId: '2', status: 'RESOLVED' }), { status: 'OPEN' }).items
      .map((c) => c.id)).toEqual(['3', '1']);
    const kept = mergeListEvent(list, ev('conversation.updated', { conversationId: '2', labels: ['urgente'] }), { status: 'OPEN' });
    expect(kept.items[1].labels).toEqual(['urgente']);
    expect(mergeListEvent(list, ev('conversation.assigned', { conversationId: '3', assigneeId: 'u1' }), { unassigned: true }).items
      .map((c) => c.id)).toEqual(['2', '1']);
    expect(mergeListEvent(list, ev('conversation.assigned', { conversationId: '3', assigneeId: 'null', teamId: 't2' }), { teamId: 't1' })
      .items.map((c) => c.id)).toEqual(['2', '1']);
  });
  it('refetches when a conversation it does not hold enters the filter', () => {
    expect(mergeListEvent(list, ev('conversation.updated', { conversationId: '7', status: 'OPEN' }), { status: 'OPEN' }).refetch).toBe(true);
    expect(mergeListEvent(list, ev('conversation.updated', { conversationId: '7', status: 'RESOLVED' }), { status: 'OPEN' }).refetch).toBe(false);
  });
});

describe('mergeThreadEvent', () => {
  const thread = [msg({ id: 'a' }), msg({ id: 'b', direction: 'OUT', externalId: 'wamid.B', status: 'SENT' })];
  it('applies a delivery status to the message with that Meta id', () => {
    const next = mergeThreadEvent(thread, ev('message.status', { externalId: 'wamid.B', status: 'READ' }), 'k');
    expect(next[1].status).toBe('READ');
    expect(mergeThreadEvent(thread, ev('message.status', { externalId: 'wamid.X', status: 'READ' }), 'k')).toBe(thread);
  });
  it('appends a new message of this contact once, and ignores other contacts', () => {
    const e = ev('message.new', { contactId: 'k', direction: 'IN', externalId: 'wamid.C', body: 'Gracias', type: 'text' });
    const next = mergeThreadEvent(thread, e, 'k');
    expect(next).toHaveLength(3);
    expect(next[2]).toMatchObject({ body: 'Gracias', direction: 'IN', externalId: 'wamid.C' });
    expect(mergeThreadEvent(next, e, 'k')).toBe(next);
    expect(mergeThreadEvent(thread, e, 'other')).toBe(thread);
  });
});

describe('isUnread and cloudError', () => {
  it('marks conversations with messages newer than the last visit', () => {
    expect(isUnread(conv('1'), {})).toBe(true);
    expect(isUnread(conv('1'), { 1: '2026-11-20T10:01:00Z' })).toBe(false);
    expect(isUnread(conv('1'), { 1: '2026-11-20T10:00:00Z' })).toBe(true);
  });
  it('shows the Cloud API error with its code', () => {
    expect(cloudError({ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message',
      error_data: { details: 'More than 24 hours have passed' } })).toBe('Re-engagement message: More than 24 hours have passed (131047)');
    expect(cloudError(null)).toBeNull();
  });
});

describe('withOlder', () => {
  const m = (id: string) => msg({ id });
  it('is the latest page alone until earlier messages are loaded', () => {
    const latest = [m('c'), m('d')];
    expect(withOlder([], latest)).toBe(latest);
  });
  it('puts the earlier messages first and shows each message once, the latest copy winning', () => {
    const latest = [{ ...m('c'), status: 'READ' }, m('d'), m('e')];
    // "c" was in the latest page when the earlier ones were loaded, and still is
    const shown = withOlder([m('a'), m('b'), { ...m('c'), status: 'SENT' }], latest);
    expect(shown.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(shown[2].status).toBe('READ');
  });
  it('leaves no gap when a new message pushes the oldest out of the latest page', () => {
    // loaded: a, b before the latest page [c, d]; then "e" arrives and the page becomes [d, e]
    expect(withOlder([m('a'), m('b'), m('c'), m('d')], [m('d'), m('e')]).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
