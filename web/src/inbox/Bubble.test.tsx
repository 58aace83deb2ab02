import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { Bubble } from './Bubble';
import type { Message } from './types';

vi.mock('../auth/AuthContext', () => ({
  useAuth: () => ({ can: () => true, me: { user: { id: 'u1' }, tenant: { timeZone: 'America/Guatemala' } } }),
}));

const template = (body: string): Message => ({
  id: 't-1', direction: 'OUT', type: 'template', body, status: 'DELIVERED', externalId: 'wamid.T1', error: null,
  sentAt: '2026-12-06T15:00:00Z', templateName: 'seguimiento_cotizacion',
});

function show(message: Message) {
  render(<QueryClientProvider client={new QueryClient()}><Bubble message={message} onReply={() => undefined} /></QueryClientProvider>);
}

describe('a template in the thread', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
  });

  it('reads as the text the contact received, under its name', () => {
    show(template('Hola Ana, le escribimos sobre la cotización SR-000123.'));
    expect(screen.getByText('Hola Ana, le escribimos sobre la cotización SR-000123.')).toBeInTheDocument();
    expect(screen.getByText('Plantilla: seguimiento_cotizacion')).toBeInTheDocument();
  });

  it('kept by its name only (sent before its text was kept) shows the name once', () => {
    show(template('seguimiento_cotizacion'));
    expect(screen.getAllByText(/seguimiento_cotizacion/)).toHaveLength(1);
  });
});
