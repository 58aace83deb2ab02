import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/client';
import i18n from '../i18n';

/** What the customers API answers (see CustomerViews.java). */
export interface Contact { id: string; fullName: string; role: string; phones: string[]; emails: string[] }
export interface Address {
  id: string; kind: string; departmentId: string; municipalityId: string; districtId: string | null; zone: string | null;
  street: string; reference: string | null; latitude: number | null; longitude: number | null; mapUrl: string | null;
}
export interface CustomerDocument { id: string; type: string; number: string | null; expiresOn: string | null; expiry: string; fileId: string | null }
export interface Customer {
  id: string; kind: string; commercialName: string; taxId: string | null; country: string; status: string;
  statusReason: string | null; ownerId: string | null; tags: string[]; notes: string | null;
  contacts: Contact[]; addresses: Address[]; documents: CustomerDocument[]; createdAt: string; updatedAt: string;
}
export interface LegalEntity { id: string; legalName: string; taxId: string | null; nrc: string | null; isDefault: boolean }
export interface Interaction { id: string; kind: string; occurredAt: string; summary: string; userId: string | null }
export interface Owner { id: string; fullName: string }
/** What a picker shows of a customer. */
export interface CustomerOption { id: string; commercialName: string; taxId: string | null }
export interface CustomerSummary {
  id: string; kind: string; commercialName: string; taxId: string | null; status: string; ownerId: string | null;
  tags: string[]; createdAt: string;
}

/** What an import of a CSV of customers answers: its counts and each row with its errors. */
export interface ImportRow {
  line: number; commercialName: string | null; taxId?: string | null; contactName?: string | null;
  errors: { field: string; code?: string; message: string }[];
}
export interface ImportResult {
  id: string; fileName: string; status: 'PREVIEW' | 'COMMITTED' | string; totalRows: number; validRows: number; errorRows: number;
  createdCount?: number | null; rows: ImportRow[];
}
export interface ImportSummary {
  id: string; fileName: string; status: string; totalRows: number; validRows: number; errorRows: number;
  createdCount: number | null; createdAt: string; createdByName: string | null;
}

export const CONTACT_ROLES = ['PRIMARY', 'BILLING', 'PURCHASING', 'SITE', 'OTHER'] as const;
export const ADDRESS_KINDS = ['FISCAL', 'BILLING', 'SERVICE_SITE', 'SHIPPING'] as const;
export const DOCUMENT_TYPES = ['DPI', 'DUI', 'NIT', 'RTU', 'NRC', 'CONTRACT', 'PERMIT', 'OTHER'] as const;
export const INTERACTION_KINDS = ['CALL', 'VISIT', 'EMAIL', 'NOTE', 'MESSAGE'] as const;
export const EXPIRY_COLOR = { NONE: 'default', VALID: 'success', EXPIRING: 'warning', EXPIRED: 'error' } as const;
export const COUNTRIES = [{ code: 'GT', name: 'Guatemala' }, { code: 'SV', name: 'El Salvador' }] as const;

/** "Street, zone, district, municipality, department", with names where the catalog has them. */
export function describeAddress(a: Address, names: Map<string, string>): string {
  const name = (id: string | null) => (id ? names.get(id) ?? id : null);
  return [a.street, a.zone, name(a.districtId), name(a.municipalityId), name(a.departmentId)].filter(Boolean).join(', ');
}

const FILTERS = ['q', 'status', 'ownerId', 'tag', 'departmentId'] as const;
export type CustomerFilter = typeof FILTERS[number];

/** The customer list's filters from the address; the list and its exports send the ones that are set. */
export function customerFilters(params: URLSearchParams): Record<CustomerFilter, string | undefined> {
  return Object.fromEntries(FILTERS.map((f) => [f, params.get(f)?.trim() || undefined])) as Record<CustomerFilter, string | undefined>;
}

/** Backend field paths (`phones[0]`) as form field paths (`phones.0`). */
export function formPath(field: string): string {
  return field.replace(/\[(\d+)]/g, '.$1');
}

/**
 * Puts an RFC 9457 problem where the user will see it: each field error on its field when the form has
 * one, and the rest (with the problem's detail) in the message this returns for the form's alert.
 */
export function showProblem<F extends FieldValues>(error: unknown, fields: readonly string[], setError: UseFormSetError<F>,
  rename: (path: string) => string = (path) => path): string {
  if (!(error instanceof ApiError)) return i18n.t('common.error');
  const loose: string[] = [];
  error.fieldErrors.forEach((e) => {
    const path = formPath(e.field);
    const known = fields.find((f) => path === f || path.startsWith(`${f}.`));
    if (known) setError(rename(path) as Path<F>, { type: 'server', message: e.message });
    else loose.push(e.field ? `${e.field}: ${e.message}` : e.message);
  });
  return [error.detail ?? error.title, ...loose].filter(Boolean).join(' · ');
}
