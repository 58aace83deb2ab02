import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { CustomerConversations } from './CustomerConversations';
import { CustomerRequestsTab } from './CustomerRequestsTab';

let granted: string[] = [];
vi.mock('../auth/AuthContext', () => ({
  useAuth: () => ({ can: (p: string) => granted.includes(p), me: { user: { id: 'u1' }, tenant: { timeZone: 'America/Guatemala' } } }),
}));

const page = (items: unknown[]) => new Response(JSON.stringify({ items, page: 0, size: 50, total: items.length }),
  { status: 200, headers: { 'Content-Type': 'application/json' } });

function show(node: ReactNode) {
  render(<QueryClientProvider client={new QueryClient()}><MemoryRouter>{node}</MemoryRouter></QueryClientProvider>);
}

describe('a customer\'s activity', () => {
  let asked: string[];
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    asked = [];
    vi.stubGlobal('fetch', vi.fn(async (path: string) => {
      asked.push(path);
      if (path.startsWith('/api/v1/inbox/conversations')) {
        return page([{ id: 'conv-1', channelId: 'ch', contactId: 'k1', contactName: 'José Pérez', contactPhone: '+50255551234',
          customerId: 'cust-1', status: 'OPEN', priority: 'NORMAL', assigneeId: null, assigneeName: null, labels: [],
          lastMessageAt: '2026-12-06T15:00:00Z', lastMessage: '¿Tienen sanitarios para el sábado?', snoozedUntil: null }]);
      }
      return page([{ id: 'sr-1', number: 'SR-000123', customerId: 'cust-1', customerName: 'José Pérez', serviceTypeId: 'st',
        serviceTypeName: 'Alquiler de sanitarios', ownerId: null, ownerName: 'Ana López', priority: 'NORMAL', channel: 'PHONE',
        status: 'NEW', requestedDate: '2026-12-12', createdAt: '2026-12-06T15:00:00Z', responseSla: null, resolutionSla: null,
        resolutionDueAt: null }]);
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists the customer\'s WhatsApp conversations, each a link to its thread', async () => {
    granted = ['inbox:view'];
    show(<CustomerConversations customerId="cust-1" />);
    const link = await screen.findByRole('link', { name: 'Abrir la conversación con José Pérez' });
    expect(link).toHaveAttribute('href', '/inbox/conv-1');
    expect(asked[0]).toContain('customerId=cust-1');
    expect(within(screen.getByTestId('customer-conversations')).getByText('Abierta')).toBeInTheDocument();
  });

  it('leaves the conversations out for a user who may not see the inbox', () => {
    granted = [];
    show(<CustomerConversations customerId="cust-1" />);
    expect(screen.queryByTestId('customer-conversations')).not.toBeInTheDocument();
    expect(asked).toEqual([]);
  });

  it('lists the customer\'s service requests through the requests API filtered by the customer', async () => {
    granted = ['servicerequests:view'];
    show(<CustomerRequestsTab customerId="cust-1" />);
    expect(await screen.findByRole('link', { name: 'SR-000123' })).toHaveAttribute('href', '/requests/sr-1');
    expect(new URL(asked[0], 'http://x').searchParams.get('customerId')).toBe('cust-1');
    expect(screen.getByText('Alquiler de sanitarios')).toBeInTheDocument();
  });
});
