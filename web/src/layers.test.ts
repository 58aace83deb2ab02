/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

/** What only a feature's api file may take from the request core: the calls themselves. */
const CALLS = ['api', 'request', 'save', 'upload', 'download', 'fetchBlob', 'authorizedFetch', 'pagedList'];

const screens = import.meta.glob<string>(['./**/*.tsx', '!./**/*.test.tsx'], { query: '?raw', import: 'default', eager: true });

function clientImports(text: string): string[] {
  return [...text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'[./]*\/?api\/client'/g)]
    .flatMap((m) => m[1].split(',').map((name) => name.trim().replace(/^type\s+/, '')).filter(Boolean));
}

describe('the screens', () => {
  it('are read', () => {
    expect(Object.keys(screens)).toContain('./catalog/CatalogPage.tsx');
  });

  it('write no API address: their feature\'s api.ts does', () => {
    const offending = Object.entries(screens).filter(([, text]) => text.includes('/api/v1')).map(([path]) => path);
    expect(offending).toEqual([]);
  });

  it('call the API only through their feature\'s api.ts, never the request core directly', () => {
    const offending = Object.entries(screens).flatMap(([path, text]) =>
      clientImports(text).filter((name) => CALLS.includes(name)).map((name) => `${path}: ${name}`));
    expect(offending).toEqual([]);
  });

  it('find an import of a call (the check itself)', () => {
    expect(clientImports("import { api, ApiError, type Page } from '../api/client';")).toEqual(['api', 'ApiError', 'Page']);
  });
});
