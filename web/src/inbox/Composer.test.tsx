import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { Composer } from './Composer';
import type { Conversation, Message } from './types';

vi.mock('../auth/AuthContext', () => ({
  useAuth: () => ({ can: () => true, me: { user: { id: 'u1' }, tenant: { timeZone: 'America/Guatemala' } } }),
}));

const conversation: Conversation = {
  summary: {
    id: 'conv-1', channelId: 'ch-1', contactId: 'contact-1', contactName: 'María José Pérez', contactPhone: '+50255551234',
    customerId: null, status: 'OPEN', priority: 'NORMAL', assigneeId: null, assigneeName: null, labels: [],
    lastMessageAt: null, lastMessage: null, snoozedUntil: null,
  },
  customerConfirmed: false, customerName: null, notes: [],
};

const inbound = (hoursAgo: number): Message => ({
  id: 'in-1', direction: 'IN', type: 'text', body: 'Buenas', status: 'RECEIVED', externalId: 'wamid.1', error: null,
  sentAt: new Date(Date.now() - hoursAgo * 3600_000).toISOString(),
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function renderComposer(messages: Message[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <Composer conversation={conversation} messages={messages} replyTo={null} onClearReply={() => undefined} />
    </QueryClientProvider>,
  );
}

describe('Composer', { timeout: 20_000 }, () => {
  let sends: { key: string; body: Record<string, unknown> }[];
  let failNext: boolean;
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    sends = [];
    failNext = false;
    vi.stubGlobal('fetch', vi.fn(async (path: string, init: RequestInit) => {
      if (path.startsWith('/api/v1/inbox/canned-responses')) {
        return json(200, { items: [
          { id: 'c1', shortCode: 'saludo', title: 'Saludo', body: 'Hola {{nombre}}, ¿en qué le ayudamos?', updatedAt: '' },
          { id: 'c2', shortCode: 'precio', title: 'Precio', body: 'El alquiler cuesta Q350 por día.', updatedAt: '' },
        ], page: 0, size: 100, total: 2 });
      }
      if (path === '/api/v1/inbox/contacts/contact-1/messages' && init.method === 'POST') {
        sends.push({ key: (init.headers as Record<string, string>)['Idempotency-Key'], body: JSON.parse(init.body as string) });
        if (failNext) {
          failNext = false;
          throw new TypeError('network down');
        }
        return json(201, { id: `out-${sends.length}`, direction: 'OUT', type: 'TEXT', body: 'x', status: 'SENT', externalId: null,
          error: null, sentAt: new Date().toISOString() });
      }
      return json(404, { type: 'urn:ambiosys:problem:not-found', title: 'No encontrado' });
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('opens the canned responses with a slash and puts the contact name in', async () => {
    const user = userEvent.setup();
    renderComposer([inbound(1)]);
    const box = screen.getByRole('textbox', { name: 'Mensaje' });
    await user.type(box, '/sal');
    expect(await screen.findByRole('option', { name: /\/saludo · Saludo/ })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /precio/ })).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(box).toHaveValue('Hola María, ¿en qué le ayudamos?');
    expect(sends).toEqual([]); // picking is not sending
  });

  it('retries a message whose answer was lost with the same Idempotency-Key, and the next message gets another', async () => {
    const user = userEvent.setup();
    renderComposer([inbound(2)]);
    const box = screen.getByRole('textbox', { name: 'Mensaje' });
    await user.type(box, 'Llegamos a las 9:00');
    failNext = true;
    await user.click(screen.getByRole('button', { name: 'Enviar' }));
    expect(await screen.findByTestId('send-error')).toBeInTheDocument();
    expect(box).toHaveValue('Llegamos a las 9:00');
    await user.click(screen.getByRole('button', { name: 'Reintentar' }));
    await waitFor(() => expect(box).toHaveValue(''));
    await user.type(box, 'Gracias por escribirnos');
    await user.click(screen.getByRole('button', { name: 'Enviar' }));
    await waitFor(() => expect(sends).toHaveLength(3));
    expect(sends[0].body).toEqual({ type: 'TEXT', text: 'Llegamos a las 9:00' });
    expect(sends[1].key).toBe(sends[0].key);
    expect(sends[2].key).not.toBe(sends[0].key);
    expect(sends[2].body.text).toBe('Gracias por escribirnos');
  });

  it('sends reply buttons, showing WhatsApp\'s limits while the agent types', async () => {
    const user = userEvent.setup();
    renderComposer([inbound(1)]);
    await user.click(screen.getByRole('button', { name: 'Botones o lista' }));
    await user.type(screen.getByTestId('interactive-text'), '¿Confirmamos la visita?');
    await user.type(screen.getByTestId('button-0'), 'Confirmar la visita de hoy');
    expect(screen.getByText('Máximo 20 caracteres · 26/20')).toBeInTheDocument();
    expect(screen.getByTestId('send-interactive')).toBeDisabled();
    await user.clear(screen.getByTestId('button-0'));
    await user.type(screen.getByTestId('button-0'), 'Confirmar');
    expect(screen.getByText('9/20')).toBeInTheDocument();
    await user.type(screen.getByTestId('button-1'), 'confirmar');
    expect(screen.getByText(/Repetido/)).toBeInTheDocument();
    await user.clear(screen.getByTestId('button-1'));
    await user.type(screen.getByTestId('button-1'), 'Otro día');
    await user.click(screen.getByRole('button', { name: 'Agregar botón' }));
    await user.type(screen.getByTestId('button-2'), 'Llamarme');
    expect(screen.getByRole('button', { name: 'Agregar botón' })).toBeDisabled();
    expect(screen.getByTestId('buttons-count')).toHaveTextContent('3 de 3 botones');
    await user.click(screen.getByTestId('send-interactive'));
    await waitFor(() => expect(sends).toHaveLength(1));
    expect(sends[0].body).toEqual({ type: 'BUTTONS', text: '¿Confirmamos la visita?', buttons: [
      { id: 'b1', title: 'Confirmar' }, { id: 'b2', title: 'Otro día' }, { id: 'b3', title: 'Llamarme' }] });
  });

  it('sends a list of up to 10 options, counting them while the agent adds them', async () => {
    const user = userEvent.setup();
    renderComposer([inbound(1)]);
    await user.click(screen.getByRole('button', { name: 'Botones o lista' }));
    await user.click(screen.getByTestId('interactive-list'));
    await user.type(screen.getByTestId('interactive-text'), '¿Qué servicio necesita?');
    await user.type(screen.getByTestId('list-button'), 'Ver servicios');
    await user.type(screen.getByTestId('row-0-0-title'), 'Fosa séptica');
    await user.click(screen.getByTestId('row-0-0-description'));
    await user.paste('d'.repeat(73));
    expect(screen.getByText('Máximo 72 caracteres · 73/72')).toBeInTheDocument();
    expect(screen.getByTestId('send-interactive')).toBeDisabled();
    await user.clear(screen.getByTestId('row-0-0-description'));
    for (let i = 1; i < 10; i++) await user.click(screen.getByRole('button', { name: 'Agregar opción' }));
    expect(screen.getByTestId('rows-count')).toHaveTextContent('10 de 10 opciones');
    expect(screen.getByRole('button', { name: 'Agregar opción' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Agregar sección' })).toBeDisabled();
  });

  it('offers only templates, and says why, when the contact last wrote more than 24 hours ago', async () => {
    renderComposer([inbound(25)]);
    expect(screen.getByTestId('window-closed')).toHaveTextContent('pasaron más de 24 horas');
    expect(screen.queryByRole('textbox', { name: 'Mensaje' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Plantillas' })).toBeInTheDocument();
  });
});
