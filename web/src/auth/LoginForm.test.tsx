import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { AuthProvider } from './AuthContext';
import { LoginForm } from './LoginForm';

function problem(status: number, code: string, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ type: `urn:ambiosys:problem:${code}`, title: code, status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

describe('LoginForm', () => {
  let answer: () => Response;

  beforeEach(async () => {
    await i18n.changeLanguage('es');
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (String(url).endsWith('/auth/login') ? answer() : problem(401, 'unauthorized'))));
  });
  afterEach(() => vi.unstubAllGlobals());

  const renderForm = () => render(<AuthProvider><LoginForm /></AuthProvider>);

  it('asks for both fields before calling the server', async () => {
    renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Entrar' }));
    expect(await screen.findAllByText('Obligatorio')).toHaveLength(2);
    expect(fetch).not.toHaveBeenCalledWith('/api/v1/auth/login', expect.anything());
  });

  it('rejects a malformed email', async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText('Correo electrónico'), 'no-es-correo');
    await userEvent.type(screen.getByLabelText('Contraseña'), 'algo');
    await userEvent.click(screen.getByRole('button', { name: 'Entrar' }));
    expect(await screen.findByText('Correo no válido')).toBeInTheDocument();
  });

  it('says plainly when the password is wrong', async () => {
    answer = () => problem(401, 'invalid-credentials');
    renderForm();
    await userEvent.type(screen.getByLabelText('Correo electrónico'), 'ana@ambiotec.example');
    await userEvent.type(screen.getByLabelText('Contraseña'), 'equivocada');
    await userEvent.click(screen.getByRole('button', { name: 'Entrar' }));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('El correo o la contraseña no son correctos.');
  });

  it('says how long to wait after too many attempts', async () => {
    answer = () => problem(429, 'rate-limited', { 'Retry-After': '42' });
    renderForm();
    await userEvent.type(screen.getByLabelText('Correo electrónico'), 'ana@ambiotec.example');
    await userEvent.type(screen.getByLabelText('Contraseña'), 'equivocada');
    await userEvent.click(screen.getByRole('button', { name: 'Entrar' }));
    await waitFor(() => expect(screen.getByTestId('login-error')).toHaveTextContent('Espere 42 segundos'));
  });

  it('speaks English when asked', async () => {
    await i18n.changeLanguage('en');
    answer = () => problem(401, 'invalid-credentials');
    renderForm();
    await userEvent.type(screen.getByLabelText('Email'), 'ana@ambiotec.example');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-one');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('The email or password is not correct.');
  });
});
