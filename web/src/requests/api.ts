import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { filesApi } from '../files/api';
import type { HistoryEntry, Owner, ServiceRequest, ServiceType, Settings } from './types';

/** The service requests API, one function per call; screens build the bodies from their forms. */
const BASE = '/api/v1/service-requests';

/** The query keys of the request screens, so that one place says what a change makes stale. */
export const requestKeys = {
  /** every list and board of requests */
  all: ['service-requests'] as const,
  one: (id: string | undefined) => ['service-request', id] as const,
  history: (id: string) => ['service-request-history', id] as const,
  types: ['service-types'] as const,
  owners: ['owners'] as const,
  settings: ['sr-settings'] as const,
};

export const requestsApi = {
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
  settings: () => api<Settings>(`${BASE}/settings`),
  serviceTypes: () => api<ServiceType[]>('/api/v1/service-types'),
  owners: () => api<Owner[]>('/api/v1/customers/owners'),
};

export function useServiceTypes() {
  return useQuery({ queryKey: requestKeys.types, queryFn: requestsApi.serviceTypes, staleTime: 60_000 });
}

export function useOwners() {
  return useQuery({ queryKey: requestKeys.owners, queryFn: requestsApi.owners, staleTime: 60_000 });
}

export function useRequestSettings() {
  return useQuery({ queryKey: requestKeys.settings, queryFn: requestsApi.settings, staleTime: 60_000 });
}
