import type { AuditEntry } from './api';

/** The kinds of record the audit log names (`entity_type` of each module's `AuditTrail.record` calls). */
export const ENTITY_TYPES = [
  'customer', 'customer_contact', 'customer_address', 'customer_document', 'customer_legal_entity', 'customer_import',
  'service_request', 'service_type', 'sla_policy', 'service_request_settings', 'catalog_item', 'catalog_category',
  'user', 'role', 'file', 'conversation', 'inbox_contact', 'channel', 'canned_response', 'inbox_team',
  'inbox_agent_presence', 'security',
] as const;

/** Where the record of an entry is seen in the app; null when it has no page of its own. */
export function entityLink(entry: Pick<AuditEntry, 'entityType' | 'entityId' | 'action'>): string | null {
  const id = entry.entityId;
  switch (entry.entityType) {
    case 'customer': return id && entry.action !== 'DELETE' ? `/customers/${id}` : null;
    case 'customer_import': return '/customers/import';
    case 'service_request': return id ? `/requests/${id}` : null;
    case 'service_type': case 'sla_policy': case 'service_request_settings': return '/requests/settings';
    case 'catalog_item': case 'catalog_category': return '/catalog';
    case 'user': return '/admin/users';
    case 'role': return '/admin/roles';
    case 'conversation': return id ? `/inbox/${id}` : null;
    case 'channel': return '/inbox/channels';
    case 'canned_response': case 'inbox_team': return '/inbox/settings';
    default: return null;
  }
}

const NAME_FIELDS = ['number', 'commercialName', 'fullName', 'name', 'title', 'shortCode', 'sku', 'email', 'originalName'];

/** What the record is called, from its snapshot (`SOL-000042`, `Hotel Las Flores`); '' when it says nothing. */
export function entityName(entry: Pick<AuditEntry, 'before' | 'after'>): string {
  const snapshots = [entry.after, entry.before].filter((s): s is Record<string, unknown> => !!s && typeof s === 'object');
  for (const field of NAME_FIELDS) {
    const found = snapshots.map((s) => s[field]).find((v) => typeof v === 'string' && v.trim());
    if (found) return found as string;
  }
  return '';
}

/** One line of the before / after view: a field, what it was and what it became (undefined: not there). */
export interface ChangeRow { field: string; before: unknown; after: unknown }

/**
 * The fields of an entry side by side: an update's changed fields; what a creation wrote; what a deletion removed
 * (and the deletion's own fields, such as its reason); a security event's details.
 */
export function changeRows(entry: Pick<AuditEntry, 'action' | 'before' | 'after' | 'changes'>): ChangeRow[] {
  if (entry.changes && Object.keys(entry.changes).length > 0) {
    return Object.entries(entry.changes).map(([field, c]) => ({ field, before: c?.from, after: c?.to }));
  }
  const before = asObject(entry.before);
  const after = asObject(entry.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => f !== 'id' && JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

function asObject(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
