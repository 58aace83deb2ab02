import { Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { DataGrid } from './DataGrid';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerGrid } from './useServerGrid';
import { adminApi, type AuditEntry } from './api';
import { useFormat } from '../format';
import { codeKey } from '../translate';

export default function AuditLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [action, setAction] = useState('');
  const [entityType, setEntityType] = useState('');
  const grid = useServerGrid(adminApi.auditLog, {
    action: action || undefined, entityType: entityType.trim() || undefined,
  });
  const columns: GridColDef<AuditEntry>[] = [
    { field: 'occurredAt', headerName: t('auditLog.when'), width: 190, sortable: false, valueFormatter: (v) => format.dateTime(v as string) },
    { field: 'action', headerName: t('auditLog.action'), width: 140, sortable: false, valueFormatter: (v) => t(codeKey('auditLog.actions', String(v))) },
    { field: 'entityType', headerName: t('auditLog.entity'), width: 120, sortable: false },
    { field: 'entityId', headerName: t('auditLog.entityId'), width: 300, sortable: false },
    {
      field: 'changes', headerName: t('auditLog.changes'), flex: 1, minWidth: 240, sortable: false,
      valueGetter: (_, row) => row.summary ?? (row.changes ? Object.keys(row.changes).join(', ') : ''),
    },
  ];
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>{t('auditLog.title')}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField select size="small" label={t('auditLog.action')} value={action} onChange={(e) => setAction(e.target.value)} sx={{ minWidth: 200 }}>
          <MenuItem value="">{t('common.all')}</MenuItem>
          {['CREATE', 'UPDATE', 'DELETE', 'SECURITY'].map((a) => <MenuItem key={a} value={a}>{t(codeKey('auditLog.actions', a))}</MenuItem>)}
        </TextField>
        <TextField size="small" label={t('auditLog.entity')} value={entityType} onChange={(e) => setEntityType(e.target.value)} />
      </Stack>
      <DataGrid autoHeight rows={grid.rows} rowCount={grid.rowCount} loading={grid.loading} columns={columns} {...grid.gridProps}
        disableColumnFilter sx={{ bgcolor: 'background.paper' }} />
    </Box>
  );
}
