import type { GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PagedList } from '../api/client';

/** Server-side paging and sorting for a DataGrid over one of our list endpoints (see the feature's api.ts). */
export function useServerGrid<T>(list: PagedList<T>, filters: Record<string, string | undefined>) {
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 20 });
  const [sort, setSort] = useState<GridSortModel>([]);
  // a new filter starts again from the first page
  const filterKey = JSON.stringify(filters);
  const [lastFilters, setLastFilters] = useState(filterKey);
  if (filterKey !== lastFilters) {
    setLastFilters(filterKey);
    if (pagination.page !== 0) setPagination({ ...pagination, page: 0 });
  }
  const params = new URLSearchParams({ page: String(pagination.page), size: String(pagination.pageSize) });
  if (sort[0]) params.set('sort', (sort[0].sort === 'desc' ? '-' : '') + sort[0].field);
  Object.entries(filters).forEach(([k, v]) => v && params.set(k, v));
  const query = useQuery({
    queryKey: [list.key, params.toString()],
    queryFn: () => list.page(params),
    placeholderData: keepPreviousData,
  });
  return {
    rows: query.data?.items ?? [],
    rowCount: query.data?.total ?? 0,
    totalEstimated: query.data?.totalEstimated ?? false,
    loading: query.isFetching,
    error: query.error,
    gridProps: {
      paginationMode: 'server' as const,
      sortingMode: 'server' as const,
      paginationModel: pagination,
      onPaginationModelChange: setPagination,
      sortModel: sort,
      onSortModelChange: setSort,
      pageSizeOptions: [10, 20, 50, 100],
    },
  };
}
