import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { NewCustomerDialog } from './NewCustomerDialog';

const duplicate = () => new Response(JSON.stringify({
  type: 'urn:ambiosys:problem:possible-duplicate', title: 'Posible duplicado', status: 409,
  duplicates: [{ id: 'c9', commercialName: 'Hotel Casa Antigua', matchedOn: 'phone' }],
}), { status: 409, headers: { 'Content-Type': 'application/problem+json' } });

// typing into MUI fields in jsdom is slow on a small machine
describe('NewCustomerDialog', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    vi.stubGlobal('fetch', vi.fn(async () => duplicate()));
  });
  afterEach(() => vi.unstubAllGlobals());

  const renderDialog = () => render(<QueryClientProvider client={new QueryClient()}><NewCustomerDialog onClose={vi.fn()} /></QueryClientProvider>);
  const body = (call: number) => JSON.parse((vi.mocked(fetch).mock.calls[call] as [string, RequestInit])[1].body as string);

  it('takes the duplicate warning back once the data it was about changes, and checks again', async () => {
    renderDialog();
    await userEvent.type(screen.getByLabelText('Nombre comercial'), 'Casa Antigua');
    await userEvent.type(screen.getByLabelText('Nombre del contacto'), 'Andrea');
    await userEvent.type(screen.getByLabelText('Teléfono'), '5012 3456');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByTestId('duplicate-warning')).toHaveTextContent('Hotel Casa Antigua');
    expect(body(0).allowDuplicate).toBe(false);

    await userEvent.type(screen.getByLabelText('Teléfono'), '7');
    await waitFor(() => expect(screen.queryByTestId('duplicate-warning')).toBeNull());
    await userEvent.clear(screen.getByLabelText('Teléfono'));
    await userEvent.type(screen.getByLabelText('Teléfono'), '5012 3457');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await screen.findByTestId('duplicate-warning');
    expect(body(1).allowDuplicate).toBe(false); // the new data is checked, not saved blindly
  });

  it('refuses a phone the rule refuses, in the customer country\'s national form too', async () => {
    renderDialog();
    await userEvent.type(screen.getByLabelText('Nombre comercial'), 'Casa Antigua');
    await userEvent.type(screen.getByLabelText('Teléfono'), '1234 5678');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText(/Teléfono no válido/)).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });
});
