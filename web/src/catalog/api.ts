import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, save, pagedList, type Page } from '../api/client';
import type { Category, Item, PriceHistoryEntry } from './model';

/** The catalog API, one function per call; screens build the bodies from their forms. */
const BASE = '/api/v1/catalog';

/** The query keys of the catalog screens, so that one place says what a change makes stale. */
export const catalogKeys = {
  categories: ['catalog-categories'] as const,
  /** every page of the item grid, and the pickers over the items */
  items: ['catalog-items'] as const,
  priceHistory: ['catalog-price-history'] as const,
  pricePage: (itemId: string, page: number, size: number) => ['catalog-price-history', itemId, page, size] as const,
  picker: (q: string) => ['catalog-items', 'picker', q] as const,
};

export const catalogApi = {
  categories: () => api<Category[]>(`${BASE}/categories`),
  saveCategory: (id: string | undefined, body: unknown) => save<Category>(`${BASE}/categories`, id, body),
  deleteCategory: (id: string) => api(`${BASE}/categories/${id}`, { method: 'DELETE' }),
  /** the item grid, paged and sorted on the server */
  items: pagedList<Item>(catalogKeys.items[0], `${BASE}/items`),
  saveItem: (id: string | undefined, body: unknown) => save<Item>(`${BASE}/items`, id, body),
  /** a deactivation (the catalog's soft delete) can be undone from its snackbar by activating the item again */
  setActive: (id: string, active: boolean) => api(`${BASE}/items/${id}/${active ? 'activate' : 'deactivate'}`, {
    method: 'POST', undo: active ? undefined : () => api(`${BASE}/items/${id}/activate`, { method: 'POST', quiet: true }),
  }),
  changePrice: (id: string, body: { price: number; currency: string; reason: string; version: number }) =>
    api<Item>(`${BASE}/items/${id}/price`, { method: 'PUT', body }),
  priceHistory: (id: string, page: number, size: number) =>
    api<Page<PriceHistoryEntry>>(`${BASE}/items/${id}/price-history?page=${page}&size=${size}`),
  /** the first active items whose name or SKU matches, for a picker */
  search: (q: string) => api<Page<Item>>(`${BASE}/items?active=true&size=10&q=${encodeURIComponent(q)}`),
};

export function useCategories() {
  return useQuery({ queryKey: catalogKeys.categories, queryFn: catalogApi.categories });
}

/** The catalog picker of other features (a request's items): active items matching what was typed. */
export function useCatalogPicker(q: string) {
  return useQuery({ queryKey: catalogKeys.picker(q), queryFn: () => catalogApi.search(q.trim()), staleTime: 30_000 });
}

export function usePriceHistory(itemId: string, page: number, size: number) {
  return useQuery({
    queryKey: catalogKeys.pricePage(itemId, page, size),
    queryFn: () => catalogApi.priceHistory(itemId, page, size),
    placeholderData: keepPreviousData,
  });
}
