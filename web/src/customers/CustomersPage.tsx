import AddIcon from '@mui/icons-material/Add';
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import { Alert, Box, Button, Chip, ListSubheader, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { DataGrid } from '../admin/DataGrid';
import { useServerGrid } from '../admin/useServerGrid';
import { useAuth } from '../auth/AuthContext';
import { useDepartments } from '../geo/api';
import { COUNTRIES, customerFilters, type CustomerFilter as Filter, type CustomerSummary } from './model';
import { NewCustomerDialog } from './NewCustomerDialog';
import { formatTaxId, useFormat } from '../format';
import { codeKey } from '../translate';
import { customersApi, useOwners, useTags } from './api';

/** Customers: search and filters (kept in the address, so Back returns to the same list), paging, export, import, create. */
export default function CustomersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filters = customerFilters(params);
  const grid = useServerGrid(customersApi.list, filters);
  const owners = useOwners();
  const tags = useTags();
  const gt = useDepartments('GT');
  const sv = useDepartments('SV');
  const set = (name: Filter, value: string) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (value) next.set(name, value);
    else next.delete(name);
    return next;
  }, { replace: true });
  const ownerName = (id: string | null) => (id ? owners.data?.find((o) => o.id === id)?.fullName ?? '' : '');

  const columns: GridColDef<CustomerSummary>[] = [
    { field: 'commercialName', headerName: t('customers.name'), flex: 1, minWidth: 220, sortable: false },
    { field: 'kind', headerName: t('customers.kind'), width: 120, sortable: false,
      valueFormatter: (v) => t(v === 'COMPANY' ? 'customers.company' : 'customers.person') },
    { field: 'taxId', headerName: t('customers.taxId'), width: 140, sortable: false, valueFormatter: (v: string | null) => formatTaxId(v) },
    { field: 'status', headerName: t('customers.status'), width: 120, sortable: false,
      renderCell: (p) => <Chip size="small" color={p.value === 'ACTIVE' ? 'success' : 'warning'} label={t(codeKey('customers.statuses', String(p.value)))} /> },
    ...(owners.choosable ? [{ field: 'ownerId', headerName: t('customers.owner'), width: 180, sortable: false,
      valueFormatter: (v: string | null) => ownerName(v) } satisfies GridColDef<CustomerSummary>] : []),
    { field: 'tags', headerName: t('customers.tags'), flex: 1, minWidth: 160, sortable: false,
      valueFormatter: (v: string[]) => v.join(', ') },
    { field: 'createdAt', headerName: t('customers.created'), width: 180, sortable: false,
      valueFormatter: (v) => format.dateTime(v as string) },
  ];
  const select = (name: Filter, label: string, children: React.ReactNode, testId: string) => (
    <TextField select size="small" label={label} value={filters[name] ?? ''} onChange={(e) => set(name, e.target.value)}
      sx={{ minWidth: 150, flex: { xs: '1 1 100%', sm: '0 1 170px' } }} slotProps={{ htmlInput: { 'data-testid': testId } }}>
      <MenuItem value="">{t('common.all')}</MenuItem>
      {children}
    </TextField>
  );

  return (
    <Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>{t('customers.title')}</Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {can('customers:export') && (['csv', 'xlsx'] as const).map((kind) => (
            <Button key={kind} variant="outlined" startIcon={<DownloadIcon />} data-testid={`export-${kind}`}
              aria-label={`${t('customers.export')} ${kind.toUpperCase()}`}
              onClick={() => void customersApi.export(kind, filters, `${t('customers.exportFile')}.${kind}`)}>
              {kind.toUpperCase()}
            </Button>
          ))}
          {can('customers:import') && (
            <Button variant="outlined" startIcon={<UploadIcon />} component={RouterLink} to="/customers/import" data-testid="import-customers">
              {t('customers.import.button')}
            </Button>
          )}
          {can('customers:create') && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="new-customer">
              {t('customers.new')}
            </Button>
          )}
        </Stack>
      </Stack>
      <Stack role="search" direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }} aria-label={t('customers.filters')}>
        <TextField label={t('customers.search')} value={params.get('q') ?? ''} onChange={(e) => set('q', e.target.value)} size="small"
          sx={{ flex: { xs: '1 1 100%', md: '1 1 260px' }, maxWidth: { md: 420 } }} slotProps={{ htmlInput: { 'data-testid': 'customer-search' } }} />
        {select('status', t('customers.status'), (['ACTIVE', 'BLOCKED'] as const).map((s) => (
          <MenuItem key={s} value={s}>{t(codeKey('customers.statuses', s))}</MenuItem>
        )), 'filter-status')}
        {owners.choosable && select('ownerId', t('customers.owner'), (owners.data ?? []).map((o) => (
          <MenuItem key={o.id} value={o.id}>{o.fullName}</MenuItem>
        )), 'filter-owner')}
        {select('tag', t('customers.tag'), (tags.data ?? []).map((tag) => <MenuItem key={tag} value={tag}>{tag}</MenuItem>), 'filter-tag')}
        {select('departmentId', t('customers.department'), [gt.data, sv.data].flatMap((list, i) => (list?.length ? [
          <ListSubheader key={COUNTRIES[i].code}>{COUNTRIES[i].name}</ListSubheader>,
          ...list.map((d) => <MenuItem key={d.id} value={d.id}>{d.name}</MenuItem>),
        ] : [])), 'filter-department')}
      </Stack>
      {grid.error && <Alert severity="error" sx={{ mb: 2 }}>{(grid.error as Error).message}</Alert>}
      {grid.totalEstimated && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="estimated-total">
          {t('customers.estimatedTotal', { count: grid.rowCount, formatted: format.count(grid.rowCount) })}
        </Typography>
      )}
      <DataGrid autoHeight rows={grid.rows} rowCount={grid.rowCount} loading={grid.loading} columns={columns}
        {...grid.gridProps} disableColumnFilter onRowClick={(p) => navigate(`/customers/${String(p.id)}`)}
        sx={{ bgcolor: 'background.paper', '& .MuiDataGrid-row': { cursor: 'pointer' } }} />
      {creating && <NewCustomerDialog onClose={(id) => { setCreating(false); if (id) navigate(`/customers/${id}`); }} />}
    </Box>
  );
}
