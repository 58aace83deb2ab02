import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { CustomerPanel } from './CustomerPanel';
import { newCustomerFromContact } from './model';
import type { Conversation } from './types';

vi.mock('../auth/AuthContext', () => ({
  useAuth: () => ({ can: () => true, me: { user: { id: 'u1' }, tenant: { timeZone: 'America/Guatemala' } } }),
}));

const unknown: Conversation = {
  summary: {
    id: 'conv-1', channelId: 'ch-1', contactId: 'contact-1', contactName: 'María José Pérez', contactPhone: '+50255551234',
    customerId: null, status: 'OPEN', priority: 'NORMAL', assigneeId: null, assigneeName: null, labels: [],
    lastMessageAt: null, lastMessage: null, snoozedUntil: null,
  },
  customerConfirmed: false, customerName: null, notes: [],
};

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('creating a customer from an unknown WhatsApp contact', { timeout: 20_000 }, () => {
  let calls: { method: string; path: string; body: unknown }[];
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    calls = [];
    vi.stubGlobal('fetch', vi.fn(async (path: string, init: RequestInit = {}) => {
      calls.push({ method: init.method ?? 'GET', path, body: init.body ? JSON.parse(init.body as string) : null });
      if (path === '/api/v1/customers' && init.method === 'POST') return json(201, { id: 'cust-9' });
      if (path === '/api/v1/inbox/contacts/contact-1/customer') return json(204, null);
      return json(200, { items: [], page: 0, size: 10, total: 0 });
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('opens the new-customer form with the profile\'s name and phone, and links the conversation to the new customer', async () => {
    const user = userEvent.setup();
    render(<QueryClientProvider client={new QueryClient()}><MemoryRouter><CustomerPanel conversation={unknown} /></MemoryRouter></QueryClientProvider>);
    await user.click(screen.getByRole('button', { name: 'Crear cliente con este contacto' }));
    expect(screen.getByLabelText('Nombre comercial')).toHaveValue('María José Pérez');
    expect(screen.getByLabelText('Teléfono')).toHaveValue('+50255551234');
    await user.click(screen.getByTestId('save-customer'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/inbox/contacts/contact-1/customer')).toBe(true));
    const created = calls.find((c) => c.path === '/api/v1/customers' && c.method === 'POST')!;
    expect(created.body).toMatchObject({ kind: 'PERSON', commercialName: 'María José Pérez', country: 'GT',
      contact: { fullName: 'María José Pérez', phones: ['+50255551234'] } });
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ customerId: 'cust-9' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows the contact\'s phone as people read it, and calls the number as stored', () => {
    render(<QueryClientProvider client={new QueryClient()}><MemoryRouter><CustomerPanel conversation={unknown} /></MemoryRouter></QueryClientProvider>);
    expect(screen.getByRole('link', { name: '+502 5555 1234' })).toHaveAttribute('href', 'tel:+50255551234');
  });

  it('takes the country from the phone\'s code', () => {
    expect(newCustomerFromContact('Ana', '+50377778888').country).toBe('SV');
    expect(newCustomerFromContact('Ana', '+50255551234').country).toBe('GT');
    expect(newCustomerFromContact(null, '+15551234567')).toEqual({ kind: 'PERSON', commercialName: '', contactName: '', phone: '+15551234567' });
  });
});
