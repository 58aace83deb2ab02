import AddIcon from '@mui/icons-material/Add';
import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { download } from '../api/client';
import { DataGrid } from '../admin/DataGrid';
import { formatDate, useServerGrid } from '../admin/useServerGrid';
import { useAuth } from '../auth/AuthContext';
import { NewCustomerDialog } from './NewCustomerDialog';

interface CustomerSummary {
  id: string; kind: string; commercialName: string; taxId: string | null; status: string; tags: string[]; createdAt: string;
}

export default function CustomersPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const grid = useServerGrid<CustomerSummary>('customers', '/api/v1/customers', { q: q.trim() || undefined });
  const columns: GridColDef<CustomerSummary>[] = [
    { field: 'commercialName', headerName: t('customers.name'), flex: 1, minWidth: 220, sortable: false },
    { field: 'kind', headerName: t('customers.kind'), width: 120, sortable: false,
      valueFormatter: (v) => t(v === 'COMPANY' ? 'customers.company' : 'customers.person') },
    { field: 'taxId', headerName: t('customers.taxId'), width: 140, sortable: false },
    { field: 'status', headerName: t('customers.status'), width: 120, sortable: false,
      renderCell: (p) => <Chip size="small" color={p.value === 'ACTIVE' ? 'success' : 'warning'} label={t(`customers.statuses.${String(p.value)}`)} /> },
    { field: 'tags', headerName: t('customers.tags'), flex: 1, minWidth: 160, sortable: false,
      valueFormatter: (v: string[]) => v.join(', ') },
    { field: 'createdAt', headerName: t('customers.created'), width: 180, sortable: false,
      valueFormatter: (v) => formatDate(v as string, i18n.language) },
  ];
  return (
    <Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>{t('customers.title')}</Typography>
        {can('customers:export') && (['csv', 'xlsx'] as const).map((format) => (
          <Button key={format} variant="outlined" startIcon={<DownloadIcon />} data-testid={`export-${format}`}
            onClick={() => void download(`/api/v1/customers/export?format=${format}${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`,
              `clientes.${format}`)}>
            {format.toUpperCase()}
          </Button>
        ))}
        {can('customers:create') && (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="new-customer">
            {t('customers.new')}
          </Button>
        )}
      </Stack>
      <TextField label={t('customers.search')} value={q} onChange={(e) => setQ(e.target.value)} size="small"
        sx={{ mb: 2, width: { xs: '100%', sm: 420 } }} slotProps={{ htmlInput: { 'data-testid': 'customer-search' } }} />
      <DataGrid autoHeight rows={grid.rows} rowCount={grid.rowCount} loading={grid.loading} columns={columns}
        {...grid.gridProps} disableColumnFilter onRowClick={(p) => navigate(`/customers/${String(p.id)}`)}
        sx={{ bgcolor: 'background.paper', '& .MuiDataGrid-row': { cursor: 'pointer' } }} />
      {creating && <NewCustomerDialog onClose={(id) => { setCreating(false); if (id) navigate(`/customers/${id}`); }} />}
    </Box>
  );
}
