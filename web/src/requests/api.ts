import { useQuery } from '@tanstack/react-query';
import { api, download, save, type Page } from '../api/client';
import { filesApi } from '../files/api';
import type { HistoryEntry, SavedFilter, ServiceRequest, ServiceType, Settings, SlaPolicy, Summary } from './types';

/** The service requests API, one function per call; screens build the bodies from their forms. */
const BASE = '/api/v1/service-requests';

/** The query keys of the request screens, so that one place says what a change makes stale. */
export const requestKeys = {
  /** every list and board of requests */
  all: ['service-requests'] as const,
  one: (id: string | undefined) => ['service-request', id] as const,
  history: (id: string) => ['service-request-history', id] as const,
  /** a page of the list, by its query string */
  list: (params: string) => ['service-requests', 'list', params] as const,
  board: (serviceTypeId: string, ownerId: string) => ['service-requests', 'board', serviceTypeId, ownerId] as const,
  savedFilters: ['sr-saved-filters'] as const,
  types: ['service-types'] as const,
  activeTypes: ['service-types', 'active'] as const,
  settings: ['sr-settings'] as const,
  policies: ['sla-policies'] as const,
};

export const requestsApi = {
  /** the requests the query string selects (status, customer, type, owner, paging, sort) */
  search: (params: URLSearchParams) => api<Page<Summary>>(`${BASE}?${params}`),
  /** downloads the list as the query string selects it (exportParams), under a name in the user's language */
  export: (params: URLSearchParams, fileName: string) => download(`${BASE}/export?${params}`, fileName),
  get: (id: string) => api<ServiceRequest>(`${BASE}/${id}`),
  create: (body: unknown) => api<ServiceRequest>(BASE, { method: 'POST', body }),
  update: (id: string, body: unknown) => api<ServiceRequest>(`${BASE}/${id}`, { method: 'PUT', body }),
  history: (id: string) => api<HistoryEntry[]>(`${BASE}/${id}/history`),
  move: (id: string, body: { to: string; comment?: string }) => api<ServiceRequest>(`${BASE}/${id}/transitions`, { method: 'POST', body }),
  assign: (id: string, ownerId: string | null) => api<ServiceRequest>(`${BASE}/${id}/owner`, { method: 'PUT', body: { ownerId } }),
  /** stores the file for the request, then attaches it */
  attach: async (id: string, file: File) => {
    const stored = await filesApi.upload(file, 'service_request', id);
    return api<ServiceRequest>(`${BASE}/${id}/media`, { method: 'POST', body: { fileId: stored.id } });
  },
  detach: (id: string, fileId: string) => api(`${BASE}/${id}/media/${fileId}`, { method: 'DELETE' }),
  savedFilters: () => api<SavedFilter[]>(`${BASE}/saved-filters`),
  saveFilter: (name: string, query: Record<string, unknown>) => api<SavedFilter>(`${BASE}/saved-filters`, { method: 'POST', body: { name, query } }),
  deleteFilter: (id: string) => api(`${BASE}/saved-filters/${id}`, { method: 'DELETE' }),
};

/** The settings of the requests: working calendar, service types and SLA policies. */
export const requestSettingsApi = {
  get: () => api<Settings>(`${BASE}/settings`),
  save: (settings: Settings) => api<Settings>(`${BASE}/settings`, { method: 'PUT', body: settings }),
  serviceTypes: () => api<ServiceType[]>('/api/v1/service-types'),
  activeServiceTypes: () => api<ServiceType[]>('/api/v1/service-types?activeOnly=true'),
  createType: (body: { code: string; name: string; dataSchema: string; autoAssign: boolean }) =>
    api<ServiceType>('/api/v1/service-types', { method: 'POST', body }),
  updateType: (id: string, body: { name: string; autoAssign: boolean; active: boolean }) =>
    api<ServiceType>(`/api/v1/service-types/${id}`, { method: 'PUT', body }),
  policies: () => api<SlaPolicy[]>('/api/v1/sla-policies'),
  savePolicy: (id: string | undefined, body: unknown) => save<SlaPolicy>('/api/v1/sla-policies', id, body),
  deletePolicy: (id: string) => api(`/api/v1/sla-policies/${id}`, { method: 'DELETE' }),
};

export function useServiceTypes() {
  return useQuery({ queryKey: requestKeys.types, queryFn: requestSettingsApi.serviceTypes, staleTime: 60_000 });
}

/** The types a new request may take. */
export function useActiveServiceTypes() {
  return useQuery({ queryKey: requestKeys.activeTypes, queryFn: requestSettingsApi.activeServiceTypes });
}

export function useRequestSettings() {
  return useQuery({ queryKey: requestKeys.settings, queryFn: requestSettingsApi.get, staleTime: 60_000 });
}

export function useSlaPolicies() {
  return useQuery({ queryKey: requestKeys.policies, queryFn: requestSettingsApi.policies });
}

export function useSavedFilters() {
  return useQuery({ queryKey: requestKeys.savedFilters, queryFn: requestsApi.savedFilters });
}
