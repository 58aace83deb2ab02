import { describe, expect, it } from 'vitest';
import { unreadInbound } from './readReceipts';
import type { Message } from './types';

const message = (id: string, direction: 'IN' | 'OUT', status: string): Message => ({
  id, direction, type: 'text', body: 'x', status, externalId: `wamid.${id}`, error: null, sentAt: '2026-12-06T15:00:00Z',
});

describe('read receipts', () => {
  it('report the contact\'s messages not read yet, each once', () => {
    const thread = [message('1', 'IN', 'READ'), message('2', 'OUT', 'DELIVERED'), message('3', 'IN', 'RECEIVED'),
      message('4', 'IN', 'RECEIVED')];
    expect(unreadInbound(thread, new Set())).toEqual(['3', '4']);
    expect(unreadInbound(thread, new Set(['3', '4']))).toEqual([]);
  });
});
