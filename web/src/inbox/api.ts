import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, authorizedFetch, type Page } from '../api/client';
import { customersApi } from '../customers/api';
import { mergeListEvent, withOlder, type ListFilter } from './model';
import { readStream, type SseEvent } from './sse';
import type { Agent, CannedResponse, Channel, Conversation, ConversationSummary, Message, Team, Template } from './types';

/**
 * Reads an API that may not be deployed yet (teams, agents, canned responses, templates arrive in
 * parallel): a 404 or 405 answers the fallback, so the page works without them.
 */
export async function optional<T>(path: string, fallback: T): Promise<T> {
  try {
    return await api<T>(path);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return fallback;
    throw error;
  }
}

export const inboxKeys = {
  conversation: (id: string) => ['inbox', 'conversation', id] as const,
  thread: (contactId: string) => ['inbox', 'thread', contactId] as const,
};

export function useChannels() {
  return useQuery({ queryKey: ['inbox', 'channels'], queryFn: () => api<Channel[]>('/api/v1/inbox/channels'), staleTime: 60_000 });
}

export function useTeams() {
  return useQuery({ queryKey: ['inbox', 'teams'], queryFn: () => optional<Team[]>('/api/v1/inbox/teams', []), staleTime: 60_000 });
}

export function useAgents() {
  return useQuery({
    queryKey: ['inbox', 'agents'],
    queryFn: async () => {
      const agents = await optional<Agent[] | null>('/api/v1/inbox/agents', null);
      if (agents) return agents;
      // before the presence API: the staff that own customers, without presence
      const owners = await customersApi.owners().catch(() => []);
      return owners.map((o) => ({ id: o.id, name: o.fullName ?? o.id, status: 'UNKNOWN', online: false, openConversations: 0 }));
    },
    staleTime: 30_000,
  });
}

export function useCanned(q = '') {
  return useQuery({
    queryKey: ['inbox', 'canned', q],
    queryFn: () => optional<Page<CannedResponse>>(`/api/v1/inbox/canned-responses?size=100&q=${encodeURIComponent(q)}`,
      { items: [], page: 0, size: 100, total: 0 }),
    staleTime: 30_000,
  });
}

export function useTemplates(channelId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['inbox', 'templates', channelId],
    queryFn: () => optional<Template[]>(`/api/v1/inbox/channels/${channelId}/templates`, []),
    enabled: !!channelId && enabled,
    staleTime: 300_000,
  });
}

export function useConversation(id: string | undefined) {
  return useQuery({
    queryKey: inboxKeys.conversation(id ?? ''),
    queryFn: () => api<Conversation>(`/api/v1/inbox/conversations/${id}`),
    enabled: !!id,
  });
}

/** The conversations of the contacts confirmed as a CRM customer, latest first (for the customer's page). */
export function useCustomerConversations(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['inbox', 'customer-conversations', customerId],
    queryFn: () => api<Page<ConversationSummary>>(`/api/v1/inbox/conversations?customerId=${encodeURIComponent(customerId)}&size=50`),
    enabled,
  });
}

/** How many of a contact's latest messages the thread loads, and how many more each "earlier messages". */
export const THREAD_PAGE = 200;
export const OLDER_PAGE = 100;

/** The contact's last THREAD_PAGE messages, oldest first (the API answers newest first). */
export function useThread(contactId: string | undefined) {
  return useQuery({
    queryKey: inboxKeys.thread(contactId ?? ''),
    queryFn: async () => (await api<Message[]>(`/api/v1/inbox/contacts/${contactId}/messages?limit=${THREAD_PAGE}`)).reverse(),
    enabled: !!contactId,
  });
}

/**
 * The earlier messages of a long thread, loaded on demand before the oldest one shown, oldest first.
 * Each load also keeps what the latest page showed then, so a new message pushing the oldest out of
 * that page leaves no gap (see withOlder).
 */
export function useOlderMessages(contactId: string | undefined, latest: Message[] | undefined) {
  const [older, setOlder] = useState<Message[]>([]);
  const [more, setMore] = useState(true);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setOlder([]);
    setMore(true);
    setError(null);
  }, [contactId]);
  const hasOlder = more && (older.length > 0 || (latest?.length ?? 0) >= THREAD_PAGE);
  const load = useCallback(async () => {
    const shown = withOlder(older, latest ?? []);
    if (!contactId || shown.length === 0) return;
    setLoading(true);
    setError(null);
    try {
      const page = (await api<Message[]>(
        `/api/v1/inbox/contacts/${contactId}/messages?limit=${OLDER_PAGE}&before=${shown[0].id}`)).reverse();
      setOlder([...page, ...shown]);
      if (page.length < OLDER_PAGE) setMore(false);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [contactId, older, latest]);
  return { older, hasOlder, load, loading, error };
}

const PAGE = 30;

/**
 * The conversation list: server pages loaded one after the other ("load more") and kept up to date
 * by the live events; when an event cannot be applied locally the loaded pages are read again.
 */
export function useConversationList(filter: ListFilter) {
  const [items, setItemsState] = useState<ConversationSummary[]>([]);
  // the live events merge into what is shown now, synchronously (a state updater runs later)
  const current = useRef<ConversationSummary[]>([]);
  const setItems = useCallback((next: ConversationSummary[]) => {
    current.current = next;
    setItemsState(next);
  }, []);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const loaded = useRef(0);
  const generation = useRef(0);
  const key = JSON.stringify(filter);

  const params = useCallback((page: number, size: number) => {
    const p = new URLSearchParams({ page: String(page), size: String(size) });
    const f = JSON.parse(key) as ListFilter;
    Object.entries(f).forEach(([k, v]) => v !== undefined && v !== '' && v !== false && p.set(k, String(v)));
    return p;
  }, [key]);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const page = await api<Page<ConversationSummary>>(`/api/v1/inbox/conversations?${params(0, Math.max(PAGE, loaded.current))}`);
      if (mine !== generation.current) return;
      setItems(page.items);
      setTotal(page.total);
      loaded.current = page.items.length;
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(e);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [params, setItems]);

  useEffect(() => {
    loaded.current = 0;
    setItems([]);
    void reload();
  }, [reload]);

  const loadMore = useCallback(async () => {
    const mine = generation.current;
    setLoading(true);
    try {
      const page = await api<Page<ConversationSummary>>(`/api/v1/inbox/conversations?${params(Math.floor(loaded.current / PAGE), PAGE)}`);
      if (mine !== generation.current) return;
      const known = new Set(current.current.map((c) => c.id));
      const next = [...current.current, ...page.items.filter((c) => !known.has(c.id))];
      loaded.current = next.length;
      setItems(next);
      setTotal(page.total);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [params, setItems]);

  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onEvent = useCallback((event: SseEvent) => {
    const merged = mergeListEvent(current.current, event, JSON.parse(key) as ListFilter);
    if (merged.items !== current.current) {
      setTotal((t) => t + merged.items.length - current.current.length);
      setItems(merged.items);
    }
    // several events in a burst cost one read
    if (merged.refetch && !refetchTimer.current) {
      refetchTimer.current = setTimeout(() => {
        refetchTimer.current = null;
        void reload();
      }, 400);
    }
  }, [key, reload, setItems]);

  useEffect(() => () => { if (refetchTimer.current) clearTimeout(refetchTimer.current); }, []);

  return { items, total, loading, error, loadMore, reload, onEvent, hasMore: items.length < total };
}

/** The inbox's live stream while the page is open; `state` says whether it is connected. */
export function useInboxStream(onEvent: (event: SseEvent) => void) {
  const [state, setState] = useState<'connecting' | 'connected' | 'reconnecting'>('connecting');
  const listener = useRef(onEvent);
  useEffect(() => {
    listener.current = onEvent;
  });
  useEffect(() => {
    const controller = new AbortController();
    void readStream('/api/v1/inbox/stream', {
      fetch: authorizedFetch,
      signal: controller.signal,
      onEvent: (e) => listener.current(e),
      onState: setState,
    });
    return () => controller.abort();
  }, []);
  return state;
}

/** Keeps the open thread and conversation current from the live events. */
export function useLiveInvalidation() {
  const client = useQueryClient();
  return useCallback((event: SseEvent, apply: (event: SseEvent) => void) => {
    apply(event);
    let data: Record<string, unknown> = {};
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (event.event.startsWith('conversation.') && typeof data.conversationId === 'string') {
      void client.invalidateQueries({ queryKey: inboxKeys.conversation(data.conversationId) });
    }
  }, [client]);
}
