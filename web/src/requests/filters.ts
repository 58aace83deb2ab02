import type { GridSortModel } from '@mui/x-data-grid';
import { SLA_STATUSES, STATUSES } from './types';

/** The list's filters, as the API's query parameters (and as a saved filter and the address keep them). */
export interface Filters {
  status: string[]; serviceTypeId: string; ownerId: string; slaStatus: string; from: string; to: string; q: string;
}
export const EMPTY: Filters = { status: [], serviceTypeId: '', ownerId: '', slaStatus: '', from: '', to: '', q: '' };

/** What the list shows: its filters, its page and its order. */
export interface ListView { filters: Filters; page: number; size: number; sort: GridSortModel }

export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_SIZE = 20;

/** Grid columns the server sorts by, under the API's names. */
const SORT_FIELDS: Record<string, string> = { number: 'number', createdAt: 'createdAt', requestedDate: 'requestedDate', priority: 'priority', resolutionDueAt: 'dueAt' };
/** priority and due date sort one way only (most urgent first, soonest due first) */
const ONE_WAY = new Set(['priority', 'dueAt']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The API's query string for a page of the list. */
export function listParams(filters: Filters, page: number, size: number, sort: GridSortModel): URLSearchParams {
  const params = new URLSearchParams({ page: String(page), size: String(size) });
  filterParams(filters).forEach((v, k) => params.append(k, v));
  const s = sort[0];
  if (s && SORT_FIELDS[s.field]) {
    const field = SORT_FIELDS[s.field];
    params.set('sort', (s.sort === 'desc' && !ONE_WAY.has(field) ? '-' : '') + field);
  }
  return params;
}

/** The filters that are set, as query parameters (the list's, the export's and the address's). */
export function filterParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  filters.status.forEach((s) => params.append('status', s));
  (['serviceTypeId', 'ownerId', 'slaStatus', 'from', 'to'] as const).forEach((k) => filters[k] && params.set(k, filters[k]));
  if (filters.q.trim()) params.set('q', filters.q.trim());
  return params;
}

/**
 * The view as the address keeps it, so that a list can be bookmarked and shared: the API's own parameters, minus
 * the first page and the default page size. The search text is kept as typed (trimmed only when sent).
 */
export function viewToUrl(view: ListView): URLSearchParams {
  const params = filterParams({ ...view.filters, q: '' });
  if (view.filters.q) params.set('q', view.filters.q);
  if (view.page > 0) params.set('page', String(view.page));
  if (view.size !== DEFAULT_SIZE) params.set('size', String(view.size));
  const sort = listParams(EMPTY, 0, DEFAULT_SIZE, view.sort).get('sort');
  if (sort) params.set('sort', sort);
  return params;
}

/** The export's query string: the list's filters and order, every row (no page). */
export function exportParams(view: ListView, format: 'csv' | 'xlsx'): URLSearchParams {
  const params = new URLSearchParams({ format });
  listParams(view.filters, 0, DEFAULT_SIZE, view.sort).forEach((v, k) => k !== 'page' && k !== 'size' && params.append(k, v));
  return params;
}

/** The view an address asks for; what it cannot mean (an unknown status, a page size the grid lacks) is left out. */
export function viewFromUrl(params: URLSearchParams): ListView {
  const text = (k: string) => params.get(k)?.trim() ?? '';
  const date = (k: string) => (DATE.test(text(k)) ? text(k) : '');
  const slaStatus = text('slaStatus');
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  return {
    filters: {
      status: [...new Set(params.getAll('status').filter((s) => (STATUSES as readonly string[]).includes(s)))],
      serviceTypeId: text('serviceTypeId'), ownerId: text('ownerId'),
      slaStatus: (SLA_STATUSES as readonly string[]).includes(slaStatus) ? slaStatus : '',
      from: date('from'), to: date('to'), q: params.get('q') ?? '',
    },
    page: Number.isInteger(page) && page > 0 ? page : 0,
    size: PAGE_SIZES.includes(size) ? size : DEFAULT_SIZE,
    sort: sortFromParam(params.get('sort')),
  };
}

function sortFromParam(value: string | null): GridSortModel {
  if (!value) return [];
  const desc = value.startsWith('-');
  const api = desc ? value.slice(1) : value;
  const field = Object.keys(SORT_FIELDS).find((f) => SORT_FIELDS[f] === api);
  if (!field) return [];
  return [{ field, sort: desc && !ONE_WAY.has(api) ? 'desc' : 'asc' }];
}

/** A saved filter's query (as the API keeps it) as the list's filters. */
export function fromSaved(query: Record<string, unknown>): Filters {
  const str = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : '');
  const status = query.status;
  return {
    status: Array.isArray(status) ? status.filter((s): s is string => typeof s === 'string') : typeof status === 'string' ? [status] : [],
    serviceTypeId: str('serviceTypeId'), ownerId: str('ownerId'), slaStatus: str('slaStatus'), from: str('from'), to: str('to'), q: str('q'),
  };
}
