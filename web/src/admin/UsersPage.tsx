import AddIcon from '@mui/icons-material/PersonAdd';
import { Alert, Box, Button, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { DataGrid } from './DataGrid';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../shell/can';
import { UserDialog } from './UserDialog';
import { useServerGrid } from './useServerGrid';
import { adminApi, type UserSummary } from './api';
import { useFormat } from '../format';
import { codeKey } from '../translate';

export default function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [dialog, setDialog] = useState<{ id: string | null } | null>(null);
  const grid = useServerGrid(adminApi.users, { q: q.trim() || undefined, status: status || undefined });

  const columns: GridColDef<UserSummary>[] = [
    { field: 'fullName', headerName: t('users.fullName'), flex: 1, minWidth: 180 },
    { field: 'email', headerName: t('users.email'), flex: 1, minWidth: 200 },
    {
      field: 'status', headerName: t('users.status'), width: 250,
      renderCell: (p) => (
        <>
          <Chip size="small" color={p.value === 'ACTIVE' ? 'success' : 'default'} label={t(codeKey('users.statuses', p.value))} />
          {p.row.invitation && <Chip size="small" variant="outlined" color={p.row.invitation === 'NOT_SENT' ? 'warning' : 'info'}
            sx={{ ml: 0.5 }} label={t(p.row.invitation === 'NOT_SENT' ? 'invitations.notSent' : 'invitations.pending')} />}
        </>
      ),
    },
    { field: 'lastLoginAt', headerName: t('users.lastLogin'), width: 190, valueFormatter: (v) => format.dateTime(v as string) },
    { field: 'createdAt', headerName: t('users.created'), width: 190, valueFormatter: (v) => format.dateTime(v as string) },
  ];

  return (
    <Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>{t('users.title')}</Typography>
        {can('users:create') && (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ id: null })} data-testid="new-user">
            {t('users.new')}
          </Button>
        )}
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField label={t('users.search')} value={q} onChange={(e) => setQ(e.target.value)} size="small" sx={{ minWidth: 260 }}
          slotProps={{ htmlInput: { 'data-testid': 'user-search' } }} />
        <TextField select label={t('users.status')} value={status} onChange={(e) => setStatus(e.target.value)} size="small" sx={{ minWidth: 180 }}>
          <MenuItem value="">{t('common.all')}</MenuItem>
          {(['ACTIVE', 'INACTIVE', 'SUSPENDED', 'BLOCKED'] as const).map((s) => (
            <MenuItem key={s} value={s}>{t(codeKey('users.statuses', s))}</MenuItem>
          ))}
        </TextField>
      </Stack>
      {grid.error && <Alert severity="error" sx={{ mb: 2 }}>{(grid.error as Error).message}</Alert>}
      <DataGrid
        autoHeight
        rows={grid.rows}
        rowCount={grid.rowCount}
        loading={grid.loading}
        columns={columns}
        {...grid.gridProps}
        disableColumnFilter
        onRowClick={(p) => setDialog({ id: String(p.id) })}
        sx={{ bgcolor: 'background.paper', '& .MuiDataGrid-row': { cursor: 'pointer' } }}
      />
      {dialog && <UserDialog userId={dialog.id} onClose={() => setDialog(null)} />}
    </Box>
  );
}
