import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n, { LANGUAGE_KEY } from '../i18n';
import { AuthProvider } from '../auth/AuthContext';
import { LoginForm } from '../auth/LoginForm';
import { chooseLanguage } from './language';
import ProfilePage from './ProfilePage';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const profile = { id: 'u1', email: 'ana@ambiotec.example', fullName: 'Ana López', phone: '+50250123456', language: 'es', timeZone: 'America/Guatemala' };
const me = (language: string) => ({
  user: { id: 'u1', email: profile.email, fullName: profile.fullName, language },
  tenant: { id: 't1', slug: 'ambiotec', name: 'Ambiotec', country: 'GT', timeZone: 'America/Guatemala' },
  permissions: [], permissionVersion: 1,
});

type Route = (url: string, init?: RequestInit) => Response | undefined;
function serve(route: Route) {
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => route(String(url), init) ?? json({}, 404)));
}
const calls = (path: string, method = 'GET') => vi.mocked(fetch).mock.calls
  .filter(([url, init]) => url === path && ((init as RequestInit | undefined)?.method ?? 'GET') === method)
  .map(([, init]) => JSON.parse(((init as RequestInit).body as string | undefined) ?? 'null'));

describe('the language kept with the user', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    localStorage.setItem(LANGUAGE_KEY, 'es');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is saved to the profile when the user switches, keeping the rest of the profile', async () => {
    serve((url, init) => (url === '/api/v1/me/profile'
      ? json(init?.method === 'PUT' ? { ...profile, language: 'en' } : profile) : undefined));
    await chooseLanguage('en', true);
    expect(i18n.language).toBe('en');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    expect(calls('/api/v1/me/profile', 'PUT')).toEqual([{ fullName: 'Ana López', phone: '+50250123456', language: 'en' }]);
  });

  it('is read from the profile at sign-in, whatever this browser had chosen', async () => {
    serve((url) => {
      if (url === '/api/v1/auth/login') return json({ accessToken: 'a', tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 3600 });
      if (url === '/api/v1/me') return json(me('en'));
      return undefined;
    });
    render(<AuthProvider><LoginForm /></AuthProvider>);
    await userEvent.type(screen.getByLabelText('Correo electrónico'), profile.email);
    await userEvent.type(screen.getByLabelText('Contraseña'), 'Correcta-Clave-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Entrar' }));
    await waitFor(() => expect(i18n.language).toBe('en'));
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
  });
});

// typing into MUI fields in jsdom is slow on a small machine
describe('ProfilePage', { timeout: 20_000 }, () => {
  beforeEach(async () => { await i18n.changeLanguage('es'); });
  afterEach(() => vi.unstubAllGlobals());

  const sessions = [
    { id: 's1', startedAt: '2026-12-06T15:00:00Z', lastUsedAt: '2026-12-06T16:00:00Z', expiresAt: '2026-12-13T16:00:00Z', ip: '10.0.0.1', userAgent: 'Firefox', current: true },
    { id: 's2', startedAt: '2026-12-01T15:00:00Z', lastUsedAt: '2026-12-02T16:00:00Z', expiresAt: '2026-12-09T16:00:00Z', ip: '10.0.0.2', userAgent: 'Teléfono', current: false },
  ];
  const renderPage = () => render(<AuthProvider><QueryClientProvider client={new QueryClient()}><ProfilePage /></QueryClientProvider></AuthProvider>);

  it('shows the phone as people write it, saves it under the one rule and ends another session', async () => {
    serve((url, init) => {
      if (url === '/api/v1/me/profile') return json(init?.method === 'PUT' ? { ...profile, phone: '+50270123456' } : profile);
      if (url === '/api/v1/me/sessions') return json(sessions);
      if (url === '/api/v1/me/sessions/s2') return new Response(null, { status: 204 });
      return undefined;
    });
    renderPage();
    const phone = await screen.findByDisplayValue('+502 5012 3456');
    await userEvent.clear(phone);
    await userEvent.type(phone, '12');
    await userEvent.click(screen.getByTestId('save-profile'));
    expect(await screen.findByText(/Teléfono no válido/)).toBeInTheDocument();
    expect(calls('/api/v1/me/profile', 'PUT')).toHaveLength(0);
    await userEvent.clear(phone);
    await userEvent.type(phone, '7012 3456');
    await userEvent.click(screen.getByTestId('save-profile'));
    expect(await screen.findByText('Perfil guardado')).toBeInTheDocument();
    expect(calls('/api/v1/me/profile', 'PUT')).toEqual([{ fullName: 'Ana López', phone: '7012 3456', language: 'es' }]);

    expect(within(await screen.findByTestId('session-current')).getByText('Esta sesión')).toBeInTheDocument();
    await userEvent.click(within(screen.getByTestId('session')).getByRole('button', { name: 'Cerrar sesión' }));
    await waitFor(() => expect(calls('/api/v1/me/sessions/s2', 'DELETE')).toHaveLength(1));
  });

  it('changes the password only when both new ones match, and says when the current one is wrong', async () => {
    serve((url) => {
      if (url === '/api/v1/me/profile') return json(profile);
      if (url === '/api/v1/me/sessions') return json(sessions);
      if (url === '/api/v1/me/password') {
        return new Response(JSON.stringify({ type: 'urn:ambiosys:problem:wrong-current-password', title: 'Contraseña actual incorrecta',
          status: 400, detail: 'La contraseña actual no es correcta; la contraseña no cambió.' }),
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
      }
      return undefined;
    });
    renderPage();
    await userEvent.type(screen.getByLabelText('Contraseña actual'), 'otra-cosa');
    await userEvent.type(screen.getByLabelText('Nueva contraseña'), 'Nueva-Clave-2026');
    await userEvent.type(screen.getByLabelText('Repita la nueva contraseña'), 'Nueva-Clave-2027');
    await userEvent.click(screen.getByTestId('change-password'));
    expect(await screen.findByText('Las contraseñas no coinciden')).toBeInTheDocument();
    expect(calls('/api/v1/me/password', 'PUT')).toHaveLength(0);
    await userEvent.clear(screen.getByLabelText('Repita la nueva contraseña'));
    await userEvent.type(screen.getByLabelText('Repita la nueva contraseña'), 'Nueva-Clave-2026');
    await userEvent.click(screen.getByTestId('change-password'));
    expect(await screen.findByText('La contraseña actual no es correcta; la contraseña no cambió.')).toBeInTheDocument();
    expect(calls('/api/v1/me/password', 'PUT')).toEqual([{ currentPassword: 'otra-cosa', newPassword: 'Nueva-Clave-2026' }]);
  });
});
