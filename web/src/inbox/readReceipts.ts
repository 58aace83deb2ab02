import { useEffect, useRef } from 'react';
import { inboxApi } from './calls';
import type { Message } from './types';

/** The contact's messages not read yet (on WhatsApp) and not reported already by this page. */
export function unreadInbound(messages: Message[], reported: ReadonlySet<string>): string[] {
  return messages.filter((m) => m.direction === 'IN' && m.status === 'RECEIVED' && !reported.has(m.id)).map((m) => m.id);
}

/**
 * With the conversation open and the page in sight, what the contact wrote is reported read (they see blue
 * ticks): when it opens, and again when a new message arrives while it stays open. Once per message.
 */
export function useReadReceipts(conversationId: string, messages: Message[] | undefined) {
  const reported = useRef(new Set<string>());
  useEffect(() => {
    if (!messages || document.visibilityState !== 'visible') return;
    const unread = unreadInbound(messages, reported.current);
    if (unread.length === 0) return;
    unread.forEach((id) => reported.current.add(id));
    void inboxApi.markRead(conversationId).catch(() => undefined); // the next open tries again
  }, [conversationId, messages]);
}
