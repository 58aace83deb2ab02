import { useQuery } from '@tanstack/react-query';
import { api, upload } from '../api/client';

/** The files API: every screen that stores, describes or links to a file goes through here. */
const BASE = '/api/v1/files';

/** What the files API says of a stored file. */
export interface StoredFile { id: string; name: string; mediaType: string; sizeBytes: number }

export const fileKeys = {
  one: (id: string | undefined) => ['file', id] as const,
  link: (id: string | undefined) => ['file-link', id] as const,
};

export const filesApi = {
  /** stores a file for its owner (`customer`, `service_request`; `inbox_message` gets its owner when sent) */
  upload: (file: File, ownerType: string, ownerId?: string) => {
    const form = new FormData();
    form.append('file', file);
    const params = new URLSearchParams(ownerId ? { ownerType, ownerId } : { ownerType });
    return upload<StoredFile>(`${BASE}?${params}`, form);
  },
  get: (id: string) => api<StoredFile>(`${BASE}/${id}`),
  /** a short-lived signed link to the file's content */
  link: (id: string) => api<{ url: string; expiresAt: string }>(`${BASE}/${id}/link`, { method: 'POST', quiet: true }),
};

export function useStoredFile(id: string) {
  return useQuery({ queryKey: fileKeys.one(id), queryFn: () => filesApi.get(id), staleTime: 300_000 });
}

/** A signed link to the file (none without an id); kept a minute, well inside the link's life. */
export function useFileLink(id: string | undefined) {
  return useQuery({ queryKey: fileKeys.link(id), queryFn: () => filesApi.link(id!), enabled: !!id, staleTime: 60_000 });
}

/** Asks the files API for a short-lived signed link and lets the browser download through it. */
export async function downloadStoredFile(fileId: string): Promise<void> {
  const link = await filesApi.link(fileId);
  const a = document.createElement('a');
  a.href = link.url;
  a.rel = 'noopener';
  a.click();
}
