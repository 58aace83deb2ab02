import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { AuthProvider } from '../auth/AuthContext';
import { UserDialog } from './UserDialog';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const created = {
  id: 'u9', email: 'nueva@ambiotec.example', fullName: 'Nueva', phone: null, status: 'ACTIVE', language: 'es',
  timeZone: 'America/Guatemala', roles: [], permissionOverrides: {}, invitation: 'NOT_SENT', invitationSent: false,
  invitationLink: 'http://localhost/reset-password?token=abc',
};

// typing into MUI fields in jsdom is slow on a small machine
describe('a user invited with no mail server', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    localStorage.setItem('ambiosys.signedIn', '1'); // a reload of a signed-in administrator's page
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/v1/auth/refresh') return json({ accessToken: 'a', tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 3600 });
      if (url === '/api/v1/me') {
        return json({ user: { id: 'u1', email: 'ana@ambiotec.example', fullName: 'Ana', language: 'es' },
          tenant: { id: 't1', slug: 'ambiotec', name: 'Ambiotec', country: 'GT', timeZone: 'America/Guatemala' },
          permissions: ['users:create', 'users:view'], permissionVersion: 1 });
      }
      if (url === '/api/v1/users' && init?.method === 'POST') return json(created, 201);
      if (url === '/api/v1/users/u9/invitation') return json({ ...created, invitationLink: 'http://localhost/reset-password?token=def' });
      return json({}, 404);
    }));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.removeItem('ambiosys.signedIn');
  });

  it('is shown with a word that the email was not sent, the link to copy and a way to send it again', async () => {
    const onClose = vi.fn();
    render(<AuthProvider><QueryClientProvider client={new QueryClient()}><UserDialog userId={null} onClose={onClose} /></QueryClientProvider></AuthProvider>);
    await userEvent.type(screen.getByLabelText('Correo'), 'nueva@ambiotec.example');
    await userEvent.type(screen.getByLabelText('Nombre completo'), 'Nueva');
    await userEvent.type(screen.getByLabelText('Teléfono'), '5012 3456'); // the national form, taken as everywhere
    await userEvent.click(screen.getByTestId('save-user'));
    const notice = await screen.findByTestId('invitation-notice');
    expect(notice).toHaveTextContent('No se pudo enviar el correo de invitación');
    expect(screen.getByTestId('invitation-link')).toHaveValue('http://localhost/reset-password?token=abc');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.queryByTestId('save-user')).toBeNull();
    await userEvent.click(await screen.findByTestId('resend-invitation'));
    await waitFor(() => expect(screen.getByTestId('invitation-link')).toHaveValue('http://localhost/reset-password?token=def'));
  });
});
