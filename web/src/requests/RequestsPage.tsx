import AddIcon from '@mui/icons-material/Add';
import BookmarkIcon from '@mui/icons-material/Bookmark';
import DownloadIcon from '@mui/icons-material/Download';
import DeleteIcon from '@mui/icons-material/Delete';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import {
  Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, Divider, IconButton, Link, ListItemText,
  Menu, MenuItem, Stack, TextField, Typography,
} from '@mui/material';
import type { GridColDef, GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { problemMessage } from '../api/client';
import { useOwners } from '../customers/api';
import { DataGrid } from '../admin/DataGrid';
import { useAuth } from '../auth/AuthContext';
import { SLA_STATUSES, STATUSES, type Summary } from './types';
import { PriorityChip, SlaChip, StatusChip } from './ui';
import { useFormat } from '../format';
import { DateInput } from '../ui/DateInputs';
import { codeKey } from '../translate';
import { requestKeys, requestsApi, useSavedFilters, useServiceTypes } from './api';
import { EMPTY, exportParams, type Filters, fromSaved, listParams, PAGE_SIZES, viewFromUrl, viewToUrl, type ListView } from './filters';

export default function RequestsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const format = useFormat();
  const client = useQueryClient();
  const types = useServiceTypes();
  const owners = useOwners();
  // the filters, page and order live in the address: a list can be bookmarked, shared, and Back returns to it
  const [search, setSearch] = useSearchParams();
  const view = viewFromUrl(search);
  const { filters, sort } = view;
  const pagination: GridPaginationModel = { page: view.page, pageSize: view.size };
  const show = (next: Partial<ListView>) => setSearch(viewToUrl({ ...view, ...next }), { replace: true });
  const setFilters = (next: Filters) => show({ filters: next, page: 0 });
  const setPagination = (next: GridPaginationModel) => show({ page: next.page, size: next.pageSize });
  const setSort = (next: GridSortModel) => show({ sort: next, page: 0 });
  const [savedMenu, setSavedMenu] = useState<HTMLElement | null>(null);
  const [naming, setNaming] = useState(false);
  const [filterName, setFilterName] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const params = listParams(filters, pagination.page, pagination.pageSize, sort);
  const list = useQuery({
    queryKey: requestKeys.list(params.toString()),
    queryFn: () => requestsApi.search(params),
    placeholderData: keepPreviousData,
  });
  const saved = useSavedFilters();
  const save = useMutation({
    mutationFn: (name: string) => {
      const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== '')));
      return requestsApi.saveFilter(name, query);
    },
    onSuccess: () => { setNaming(false); setFilterName(''); void client.invalidateQueries({ queryKey: requestKeys.savedFilters }); },
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  const remove = useMutation({
    mutationFn: (id: string) => requestsApi.deleteFilter(id),
    onSuccess: () => void client.invalidateQueries({ queryKey: requestKeys.savedFilters }),
  });

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters({ ...filters, [key]: value });

  const columns: GridColDef<Summary>[] = [
    { field: 'number', headerName: t('servicerequests.number'), width: 130,
      renderCell: (p) => <Link component={RouterLink} to={`/requests/${p.row.id}`} onClick={(e) => e.stopPropagation()}>{p.row.number}</Link> },
    { field: 'customerName', headerName: t('servicerequests.customer'), flex: 1, minWidth: 200, sortable: false },
    { field: 'serviceTypeName', headerName: t('servicerequests.type'), width: 190, sortable: false },
    { field: 'status', headerName: t('servicerequests.status'), width: 170, sortable: false,
      renderCell: (p) => <StatusChip status={p.row.status} /> },
    { field: 'priority', headerName: t('servicerequests.priority'), width: 110, sortingOrder: ['asc', null],
      renderCell: (p) => <PriorityChip priority={p.row.priority} /> },
    { field: 'responseSla', headerName: t('servicerequests.clocks.RESPONSE'), width: 120, sortable: false,
      renderCell: (p) => <SlaChip status={p.row.responseSla} /> },
    { field: 'resolutionSla', headerName: t('servicerequests.clocks.RESOLUTION'), width: 120, sortable: false,
      renderCell: (p) => <SlaChip status={p.row.resolutionSla} /> },
    { field: 'resolutionDueAt', headerName: t('servicerequests.dueAt'), width: 170, sortingOrder: ['asc', null],
      valueFormatter: (v) => format.dateTime(v as string | null) },
    { field: 'ownerName', headerName: t('servicerequests.owner'), width: 180, sortable: false,
      valueFormatter: (v) => (v as string | null) ?? t('servicerequests.unassigned') },
    { field: 'requestedDate', headerName: t('servicerequests.requestedDate'), width: 140, valueFormatter: (v) => format.date(v as string | null) },
    { field: 'createdAt', headerName: t('servicerequests.created'), width: 170, valueFormatter: (v) => format.dateTime(v as string) },
  ];

  const anyFilter = JSON.stringify(filters) !== JSON.stringify(EMPTY);

  return (
    <Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>{t('servicerequests.title')}</Typography>
        <Button variant="outlined" startIcon={<ViewKanbanIcon />} component={RouterLink} to="/requests/board">
          {t('servicerequests.board')}
        </Button>
        {can('servicerequests:export') && (['csv', 'xlsx'] as const).map((kind) => (
          <Button key={kind} variant="outlined" startIcon={<DownloadIcon />} data-testid={`export-${kind}`}
            aria-label={`${t('servicerequests.export')} ${kind.toUpperCase()}`}
            onClick={() => void requestsApi.export(exportParams(view, kind), `${t('servicerequests.exportFileName')}.${kind}`)
              .catch((e: unknown) => setFailure(problemMessage(e, t('common.error'))))}>
            {kind.toUpperCase()}
          </Button>
        ))}
        {can('servicerequests:create') && (
          <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/requests/new" data-testid="new-request">
            {t('servicerequests.new')}
          </Button>
        )}
      </Stack>
      {failure && <Alert severity="error" sx={{ mb: 2 }} onClose={() => setFailure(null)}>{failure}</Alert>}
      <Box sx={{ display: 'grid', gap: 2, mb: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(4, 1fr)' } }}>
        <TextField label={t('servicerequests.search')} size="small" value={filters.q} onChange={(e) => set('q', e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'request-search' } }} />
        <TextField select label={t('servicerequests.status')} size="small" value={filters.status}
          slotProps={{ select: { multiple: true, renderValue: (v) => (v as string[]).map((s) => t(codeKey('servicerequests.statuses', s))).join(', ') } }}
          onChange={(e) => set('status', typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as unknown as string[]))}>
          {STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              <Checkbox size="small" checked={filters.status.includes(s)} sx={{ p: 0, mr: 1 }} />
              <ListItemText primary={t(codeKey('servicerequests.statuses', s))} />
            </MenuItem>
          ))}
        </TextField>
        <TextField select label={t('servicerequests.type')} size="small" value={filters.serviceTypeId} onChange={(e) => set('serviceTypeId', e.target.value)}>
          <MenuItem value="">{t('servicerequests.any')}</MenuItem>
          {(types.data ?? []).map((ty) => <MenuItem key={ty.id} value={ty.id}>{ty.name}</MenuItem>)}
        </TextField>
        <TextField select label={t('servicerequests.owner')} size="small" value={filters.ownerId} onChange={(e) => set('ownerId', e.target.value)}>
          <MenuItem value="">{t('servicerequests.any')}</MenuItem>
          {(owners.data ?? []).map((o) => <MenuItem key={o.id} value={o.id}>{o.fullName}</MenuItem>)}
        </TextField>
        <TextField select label={t('servicerequests.slaStatus')} size="small" value={filters.slaStatus} onChange={(e) => set('slaStatus', e.target.value)}>
          <MenuItem value="">{t('servicerequests.any')}</MenuItem>
          {SLA_STATUSES.map((s) => <MenuItem key={s} value={s}>{t(codeKey('servicerequests.sla', s))}</MenuItem>)}
        </TextField>
        <DateInput label={t('servicerequests.from')} size="small" value={filters.from} onChange={(v) => set('from', v)} />
        <DateInput label={t('servicerequests.to')} size="small" value={filters.to} onChange={(v) => set('to', v)} />
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" startIcon={<BookmarkIcon />} onClick={(e) => setSavedMenu(e.currentTarget)} data-testid="saved-filters"
            sx={{ flexGrow: 1 }}>
            {t('servicerequests.savedFilters')}
          </Button>
          {anyFilter && <Button onClick={() => setFilters(EMPTY)} data-testid="clear-filters">{t('servicerequests.clearFilters')}</Button>}
        </Stack>
      </Box>
      <Menu anchorEl={savedMenu} open={!!savedMenu} onClose={() => setSavedMenu(null)}>
        {(saved.data ?? []).length === 0 && <MenuItem disabled>{t('servicerequests.noSavedFilters')}</MenuItem>}
        {(saved.data ?? []).map((f) => (
          <MenuItem key={f.id} onClick={() => { setFilters(fromSaved(f.query)); setSavedMenu(null); }}
            data-testid={`saved-filter-${f.name}`}>
            <ListItemText primary={f.name} sx={{ mr: 2 }} />
            <IconButton size="small" edge="end" aria-label={t('servicerequests.deleteFilter', { name: f.name })}
              onClick={(e) => { e.stopPropagation(); remove.mutate(f.id); }}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem disabled={!anyFilter} onClick={() => { setSavedMenu(null); setNaming(true); }} data-testid="save-filter">
          {t('servicerequests.saveFilter')}
        </MenuItem>
      </Menu>
      <DataGrid autoHeight rows={list.data?.items ?? []} rowCount={list.data?.total ?? 0} loading={list.isFetching} columns={columns}
        paginationMode="server" sortingMode="server" paginationModel={pagination} onPaginationModelChange={setPagination}
        sortModel={sort} onSortModelChange={setSort} pageSizeOptions={PAGE_SIZES} disableColumnFilter
        onRowClick={(p) => navigate(`/requests/${String(p.id)}`)}
        sx={{ bgcolor: 'background.paper', '& .MuiDataGrid-row': { cursor: 'pointer' } }} />
      <Dialog open={naming} onClose={() => setNaming(false)} fullWidth maxWidth="xs" aria-labelledby="save-filter-title">
        <DialogTitle id="save-filter-title">{t('servicerequests.saveFilter')}</DialogTitle>
        <DialogContent>
          <Box component="form" id="save-filter-form" sx={{ pt: 1 }} noValidate
            onSubmit={(e) => { e.preventDefault(); if (filterName.trim()) save.mutate(filterName.trim()); }}>
            <TextField autoFocus fullWidth label={t('servicerequests.filterName')} value={filterName}
              onChange={(e) => setFilterName(e.target.value)} slotProps={{ htmlInput: { maxLength: 60 } }} />
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setNaming(false)}>{t('common.cancel')}</Button>
          <Button type="submit" form="save-filter-form" variant="contained" disabled={!filterName.trim() || save.isPending}>{t('common.save')}</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
