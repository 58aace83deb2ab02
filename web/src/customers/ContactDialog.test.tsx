import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { contactBody, ContactDialog, contactSchema } from './ContactDialog';

const t = i18n.t.bind(i18n);

describe('contactSchema', () => {
  beforeEach(async () => { await i18n.changeLanguage('es'); });

  it('needs a name and accepts blank extra phones and emails', () => {
    const result = contactSchema(t).safeParse({ fullName: '  ', role: 'PRIMARY', phones: [{ value: '' }], emails: [{ value: '' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['fullName', 'Obligatorio']]);
  });

  it('points at the bad phone and the bad email by position', () => {
    const result = contactSchema(t).safeParse({
      fullName: 'Andrea Sosa', role: 'BILLING',
      phones: [{ value: '5512 3456' }, { value: 'llámeme' }],
      emails: [{ value: 'andrea@casaantigua.com.gt' }, { value: 'no-es-correo' }],
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['phones.1.value', 'emails.1.value']);
  });

  it('refuses a sixth phone and an unknown role', () => {
    const six = Array.from({ length: 6 }, () => ({ value: '+50255551234' }));
    expect(contactSchema(t).safeParse({ fullName: 'A', role: 'PRIMARY', phones: six, emails: [] }).success).toBe(false);
    expect(contactSchema(t).safeParse({ fullName: 'A', role: 'BOSS', phones: [], emails: [] }).success).toBe(false);
  });

  it('sends the phones and emails in order, without blanks, the first being the primary', () => {
    expect(contactBody({
      fullName: ' Andrea Sosa ', role: 'PRIMARY',
      phones: [{ value: '' }, { value: ' 5512 3456 ' }, { value: '+50377778888' }], emails: [{ value: '' }],
    })).toEqual({ fullName: 'Andrea Sosa', role: 'PRIMARY', phones: ['5512 3456', '+50377778888'], emails: [] });
  });
});

// typing into MUI fields in jsdom is slow on a small machine
describe('ContactDialog', { timeout: 20_000 }, () => {
  let answer: () => Response;
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    vi.stubGlobal('fetch', vi.fn(async () => answer()));
  });
  afterEach(() => vi.unstubAllGlobals());

  const renderDialog = (onClose = vi.fn()) => {
    render(<QueryClientProvider client={new QueryClient()}><ContactDialog customerId="c1" onClose={onClose} /></QueryClientProvider>);
    return onClose;
  };

  it('adds a second phone and posts both, the first one marked as primary', async () => {
    answer = () => new Response(JSON.stringify({ id: 'k1' }), { status: 201, headers: { 'Content-Type': 'application/json' } });
    const onClose = renderDialog();
    expect(screen.getAllByText('Principal')).toHaveLength(2); // next to the first phone and the first email
    await userEvent.type(screen.getByLabelText('Nombre del contacto'), 'Luis Pérez');
    await userEvent.type(screen.getByLabelText('Teléfono 1'), '5512 3456');
    await userEvent.click(screen.getByRole('button', { name: 'Agregar teléfono' }));
    await userEvent.type(screen.getByLabelText('Teléfono 2'), '+50377778888');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith(true));
    const [url, init] = vi.mocked(fetch).mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/customers/c1/contacts');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ fullName: 'Luis Pérez', role: 'PRIMARY', phones: ['5512 3456', '+50377778888'], emails: [] });
  });

  it('shows the server\'s problem: field errors on their field, the detail as an alert', async () => {
    answer = () => new Response(JSON.stringify({
      type: 'urn:ambiosys:problem:validation', title: 'Datos no válidos', status: 400, detail: 'Revise los datos.',
      errors: [{ field: 'emails[0]', message: 'debe ser un correo válido' }],
    }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
    const onClose = renderDialog();
    await userEvent.type(screen.getByLabelText('Nombre del contacto'), 'Luis Pérez');
    await userEvent.type(screen.getByLabelText('Correo 1'), 'luis@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Revise los datos.');
    expect(screen.getByText('debe ser un correo válido')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });
});
