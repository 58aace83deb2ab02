import { useQuery } from '@tanstack/react-query';
import { api, save, download, pagedList, type Page } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { filesApi } from '../files/api';
import type { Customer, CustomerOption, CustomerSummary, ImportResult, ImportSummary, Interaction, LegalEntity, Owner } from './model';

/** The customers API, one function per call; screens build the bodies from their forms. */
const BASE = '/api/v1/customers';
type Body = Record<string, unknown>;

/** A removable part of a customer: the collection it is in and its id. */
export interface CustomerPart { kind: 'contacts' | 'addresses' | 'documents' | 'legal-entities'; id: string }

/** The query keys of the customers screens, so that one place says what a change makes stale. */
export const customerKeys = {
  list: ['customers'] as const,
  owners: ['customers', 'owners'] as const,
  tags: ['customers', 'tags'] as const,
  picker: (q: string) => ['customers', 'picker', q] as const,
  one: (id: string) => ['customer', id] as const,
  legalEntities: (id: string) => ['customer', id, 'legal-entities'] as const,
  interactions: (id: string) => ['customer', id, 'interactions'] as const,
  imports: ['customer-imports'] as const,
};

export const customersApi = {
  /** the customer grid, paged, sorted and filtered on the server */
  list: pagedList<CustomerSummary>(customerKeys.list[0], BASE),
  /** downloads the customers the filters select as a CSV or Excel file, named in the user's language */
  export: (format: 'csv' | 'xlsx', filters: Record<string, string | undefined>, fileName: string) => {
    const query = new URLSearchParams({ format });
    Object.entries(filters).forEach(([k, v]) => v && query.set(k, v));
    return download(`${BASE}/export?${query}`, fileName);
  },
  get: (id: string) => api<Customer>(`${BASE}/${id}`),
  create: (body: Body) => api<{ id: string }>(BASE, { method: 'POST', body }),
  update: (id: string, body: Body) => api(`${BASE}/${id}`, { method: 'PUT', body }),
  setStatus: (id: string, body: { status: 'ACTIVE' | 'BLOCKED'; reason?: string }) => api(`${BASE}/${id}/status`, { method: 'PUT', body }),
  delete: (id: string, reason: string) => api(`${BASE}/${id}`, { method: 'DELETE', body: { reason } }),
  /** removes one of a customer's contacts, addresses, documents or legal entities */
  removePart: (customerId: string, part: CustomerPart) => api(`${BASE}/${customerId}/${part.kind}/${part.id}`, { method: 'DELETE' }),
  saveContact: (customerId: string, contactId: string | undefined, body: unknown) => save(`${BASE}/${customerId}/contacts`, contactId, body),
  saveAddress: (customerId: string, addressId: string | undefined, body: unknown) => save(`${BASE}/${customerId}/addresses`, addressId, body),
  saveLegalEntity: (customerId: string, entityId: string | undefined, body: Body) =>
    save(`${BASE}/${customerId}/legal-entities`, entityId, body),
  legalEntities: (id: string) => api<LegalEntity[]>(`${BASE}/${id}/legal-entities`),
  interactions: (id: string) => api<Page<Interaction>>(`${BASE}/${id}/interactions?page=0&size=50`),
  addInteraction: (customerId: string, body: Body) => api(`${BASE}/${customerId}/interactions`, { method: 'POST', body }),
  addDocument: (customerId: string, body: Body) => api(`${BASE}/${customerId}/documents`, { method: 'POST', body }),
  /** stores a file for a customer's document; answers its id */
  uploadFile: async (customerId: string, file: File) => (await filesApi.upload(file, 'customer', customerId)).id,
  owners: () => api<Owner[]>(`${BASE}/owners`),
  tags: () => api<string[]>(`${BASE}/tags`),
  /** the first ten customers whose name, tax id, phone or email match, for a picker */
  search: (q: string) => api<Page<CustomerOption>>(`${BASE}?size=10&q=${encodeURIComponent(q)}`),
};

/** The import of customers from a CSV file: a preview first, then the commit of its valid rows. */
export const importsApi = {
  history: pagedList<ImportSummary>(customerKeys.imports[0], `${BASE}/imports`),
  preview: (file: File) => {
    const data = new FormData();
    data.append('file', file);
    return api<ImportResult>(`${BASE}/imports`, { method: 'POST', body: data, quiet: true });
  },
  get: (id: string) => api<ImportResult>(`${BASE}/imports/${id}`),
  commit: (id: string) => api<ImportResult>(`${BASE}/imports/${id}/commit`, { method: 'POST' }),
  /** downloads the rows an import refused, with their errors, as a CSV to fix and import again */
  report: (id: string, fileName: string) => download(`${BASE}/imports/${id}/report`, fileName),
  /** downloads the CSV template under the given file name */
  template: (fileName: string) => download(`${BASE}/imports/template`, fileName),
};

export function useCustomer(id: string, enabled = true) {
  return useQuery({ queryKey: customerKeys.one(id), queryFn: () => customersApi.get(id), enabled });
}

/** The customer picker of other features (a request's customer, a conversation's): matches for what was typed. */
export function useCustomerPicker(q: string, enabled = true) {
  return useQuery({ queryKey: customerKeys.picker(q), queryFn: () => customersApi.search(q), enabled, staleTime: 30_000 });
}

export function useLegalEntities(id: string, enabled: boolean) {
  return useQuery({ queryKey: customerKeys.legalEntities(id), enabled, queryFn: () => customersApi.legalEntities(id) });
}

export function useInteractions(id: string, enabled: boolean) {
  return useQuery({ queryKey: customerKeys.interactions(id), enabled, queryFn: () => customersApi.interactions(id) });
}

/** The users who may own customers: names for everybody, a choice (filter, reassignment) only with `customers:view_all`. */
export function useOwners() {
  const { can } = useAuth();
  const owners = useQuery({
    queryKey: customerKeys.owners, enabled: can('customers:view'), staleTime: 60_000,
    queryFn: customersApi.owners,
  });
  return { ...owners, choosable: can('customers:view_all') && !!owners.data };
}

export function useTags() {
  return useQuery({ queryKey: customerKeys.tags, staleTime: 60_000, queryFn: customersApi.tags });
}
