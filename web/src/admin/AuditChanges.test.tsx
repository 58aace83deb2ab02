import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { SignedInAs, type Me } from '../auth/AuthContext';
import i18n from '../i18n';
import type { AuditEntry } from './api';
import { changeRows, entityLink, entityName } from './audit';
import { AuditEntryDialog } from './AuditChanges';

const me: Me = {
  user: { id: 'u1', email: 'admin@example.com', fullName: 'Admin', language: 'es' },
  tenant: { id: 't1', slug: 'demo', name: 'Demo', country: 'GT', timeZone: 'America/Guatemala' },
  permissions: ['audit:view'], permissionVersion: 1,
};

const update: AuditEntry = {
  id: 'a1', occurredAt: '2026-12-06T03:30:00Z', actorId: 'u9', actorName: 'Marta Rep', action: 'UPDATE',
  entityType: 'customer', entityId: 'c1', summary: null,
  before: { commercialName: 'Hotel Las Flores', taxId: '576937-K', tags: ['hotel'] },
  after: { commercialName: 'Hotel Las Flores', taxId: '576937-K', tags: ['hotel', 'vip'] },
  changes: { tags: { from: ['hotel'], to: ['hotel', 'vip'] }, notes: { from: null, to: 'Paga a 30 días' } },
};

const creation: AuditEntry = {
  ...update, id: 'a2', action: 'CREATE', entityType: 'service_request', entityId: 'r1', changes: null, before: null,
  after: { id: 'r1', number: 'SOL-000042', priority: 'HIGH', requestedDate: '2026-12-10', approvalNeeded: false },
};

const rowsOf = () => within(screen.getByTestId('audit-changes')).getAllByRole('row').slice(1)
  .map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => c.textContent));

function show(entry: AuditEntry) {
  render(<MemoryRouter><SignedInAs me={me}><AuditEntryDialog entry={entry} onClose={() => {}} /></SignedInAs></MemoryRouter>);
}

describe('an audit entry', () => {
  beforeEach(async () => { await i18n.changeLanguage('es'); });

  it('shows an update\'s changed fields in words, before beside after', () => {
    show(update);
    expect(rowsOf()).toEqual([['Etiquetas', 'hotel', 'hotel, vip'], ['Notas', '—', 'Paga a 30 días']]);
  });

  it('says who made it, when in the tenant\'s zone, and links the record by its name', () => {
    show(update);
    expect(screen.getByText(/05\/12\/2026 21:30 · Marta Rep/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cliente · Hotel Las Flores' })).toHaveAttribute('href', '/customers/c1');
  });

  it('shows what a creation wrote, in words (days, yes and no), without its id', () => {
    show(creation);
    expect(rowsOf()).toEqual([
      ['Número', '—', 'SOL-000042'], ['Prioridad', '—', 'HIGH'], ['Fecha solicitada', '—', '10/12/2026'], ['approvalNeeded', '—', 'No'],
    ]);
    expect(screen.getByRole('link', { name: 'Solicitud · SOL-000042' })).toHaveAttribute('href', '/requests/r1');
  });

  it('names the record from its snapshot and links only what has a page', () => {
    expect(entityName({ before: { fullName: 'Lucía' }, after: null })).toBe('Lucía');
    expect(entityLink({ entityType: 'customer', entityId: 'c1', action: 'DELETE' })).toBeNull();
    expect(entityLink({ entityType: 'file', entityId: 'f1', action: 'CREATE' })).toBeNull();
    expect(changeRows({ action: 'DELETE', before: { id: 'x', name: 'Ruta' }, after: null, changes: null }))
      .toEqual([{ field: 'name', before: 'Ruta', after: undefined }]);
  });
});
