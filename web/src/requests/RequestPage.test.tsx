import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignedInAs, type Me } from '../auth/AuthContext';
import i18n from '../i18n';
import RequestPage from './RequestPage';
import type { ServiceRequest } from './types';

const request: ServiceRequest = {
  id: 'r1', number: 'SOL-000042', customerId: 'c1', customerName: 'Hotel Las Flores', contactId: null, addressId: null,
  serviceTypeId: 't1', serviceTypeName: 'Fosa séptica', dataSchema: 'FREE_FORM', ownerId: 'u1', ownerName: 'Rep Uno',
  priority: 'NORMAL', channel: 'PHONE', requestedDate: null, description: 'Vaciado', typeData: {},
  status: 'PENDING_APPROVAL', statusReason: null, resumeTo: null,
  allowedTransitions: ['CANCELLED', 'IN_REVIEW', 'LOST', 'QUOTED', 'WAITING_ON_CUSTOMER'],
  items: [], totals: [], mediaFileIds: [], sla: [], createdAt: '2026-12-06T15:00:00Z', updatedAt: '2026-12-06T15:00:00Z', version: 3,
};

const me = (...permissions: string[]): Me => ({
  user: { id: 'u1', email: 'rep@example.com', fullName: 'Rep Uno', language: 'es' },
  tenant: { id: 't1', slug: 'demo', name: 'Demo', country: 'GT', timeZone: 'America/Guatemala' },
  permissions: ['servicerequests:view', ...permissions], permissionVersion: 1,
});

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

function renderAs(user: Me) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SignedInAs me={user}>
        <MemoryRouter initialEntries={['/requests/r1']}>
          <Routes><Route path="/requests/:id" element={<RequestPage />} /></Routes>
        </MemoryRouter>
      </SignedInAs>
    </QueryClientProvider>,
  );
}

describe('a request pending approval', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    vi.stubGlobal('fetch', vi.fn(async (url: string) => json(url.endsWith('/history') ? [] : request)));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows a sales rep without servicerequests:approve no approve or return button', async () => {
    renderAs(me('servicerequests:edit', 'servicerequests:create'));
    expect(await screen.findByTestId('request-number')).toHaveTextContent('SOL-000042');
    expect(screen.queryByTestId('transition-QUOTED')).toBeNull();
    expect(screen.queryByTestId('transition-IN_REVIEW')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Mover a…' })).toBeNull();
  });

  it('shows an approver the approve and return buttons', async () => {
    renderAs(me('servicerequests:edit', 'servicerequests:approve'));
    expect(await screen.findByTestId('transition-QUOTED')).toBeInTheDocument();
    expect(screen.getByTestId('transition-IN_REVIEW')).toBeInTheDocument();
  });
});

describe('a request\'s contact line', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    const customer = { id: 'c1', kind: 'COMPANY', commercialName: 'Hotel Las Flores', taxId: null, country: 'GT', status: 'ACTIVE',
      contacts: [{ id: 'k1', fullName: 'Ana López', role: 'PRIMARY', phones: ['+50250123456'], emails: ['ana@example.com'] }],
      addresses: [], documents: [] };
    vi.stubGlobal('fetch', vi.fn(async (url: string) => json(url.endsWith('/history') ? []
      : url.startsWith('/api/v1/customers/') ? customer : { ...request, contactId: 'k1' })));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the contact\'s phones as people read them', async () => {
    renderAs(me('customers:view'));
    expect(await screen.findByText('Ana López · +502 5012 3456 · ana@example.com')).toBeInTheDocument();
  });
});
