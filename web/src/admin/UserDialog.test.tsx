import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignedInAs, type Me } from '../auth/AuthContext';
import i18n from '../i18n';
import type { UserView } from './api';
import { UserDialog } from './UserDialog';

const user: UserView = {
  id: 'u2', email: 'lucia@example.com', fullName: 'Lucía Gómez', phone: '+50255551234', status: 'ACTIVE', language: 'es',
  timeZone: 'America/Guatemala', roles: [], permissionOverrides: {},
};

const admin: Me = {
  user: { id: 'u1', email: 'admin@example.com', fullName: 'Admin', language: 'es' },
  tenant: { id: 't1', slug: 'demo', name: 'Demo', country: 'GT', timeZone: 'America/Guatemala' },
  permissions: ['users:view', 'users:edit'], permissionVersion: 1,
};

describe('the edit-user dialog', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(user), { status: 200, headers: { 'Content-Type': 'application/json' } })));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('moves every label above its value once the user is loaded, so none is written over it', async () => {
    render(<QueryClientProvider client={new QueryClient()}><SignedInAs me={admin}><UserDialog userId="u2" onClose={() => {}} /></SignedInAs></QueryClientProvider>);
    expect(await screen.findByDisplayValue('Lucía Gómez')).toBeInTheDocument();
    for (const label of ['Correo', 'Nombre completo', 'Teléfono']) {
      const input = screen.getByLabelText(label);
      expect(input).toHaveValue(label === 'Correo' ? user.email : label === 'Teléfono' ? '+502 5555 1234' : user.fullName);
      expect(document.querySelector(`label[for="${input.id}"]`), label).toHaveAttribute('data-shrink', 'true');
    }
  });
});
