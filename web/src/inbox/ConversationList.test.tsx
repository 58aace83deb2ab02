import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { ConversationList } from './ConversationList';
import type { ConversationSummary } from './types';

vi.mock('../auth/AuthContext', () => ({
  useAuth: () => ({ can: () => true, me: { user: { id: 'u1' }, tenant: { timeZone: 'America/Guatemala' } } }),
}));

const conversation = (id: string, contactName: string | null, contactPhone: string | null): ConversationSummary => ({
  id, channelId: 'ch-1', contactId: `contact-${id}`, contactName, contactPhone, customerId: null, status: 'OPEN',
  priority: 'NORMAL', assigneeId: null, assigneeName: null, labels: [], lastMessageAt: null, lastMessage: null,
  snoozedUntil: null,
} as ConversationSummary);

describe('the conversation list', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    vi.stubGlobal('fetch', vi.fn(async () => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('names a contact without a name by their phone as people read it', () => {
    const items = [conversation('c1', null, '+50250123456'), conversation('c2', 'Ana López', '+50255551234')];
    const list = { items, total: 2, loading: false, error: null, loadMore: async () => {}, reload: () => {},
      onEvent: () => {}, hasMore: false } as unknown as Parameters<typeof ConversationList>[0]['list'];
    render(<QueryClientProvider client={new QueryClient()}><MemoryRouter>
      <ConversationList list={list} onOpen={() => {}} />
    </MemoryRouter></QueryClientProvider>);
    expect(screen.getByTestId('conversation-c1')).toHaveTextContent('+502 5012 3456');
    expect(screen.getByTestId('conversation-c1')).not.toHaveTextContent('+50250123456');
    expect(screen.getByTestId('conversation-c2')).toHaveTextContent('Ana López');
  });
});
