import { Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { DataGrid } from './DataGrid';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerGrid } from './useServerGrid';
import { adminApi, type AuditEntry } from './api';
import { useFormat } from '../format';
import { codeKey } from '../translate';
import { ENTITY_TYPES, changeRows } from './audit';
import { AuditEntryDialog, EntityText, fieldName } from './AuditChanges';

export default function AuditLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [action, setAction] = useState('');
  const [entityType, setEntityType] = useState('');
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const grid = useServerGrid(adminApi.auditLog, { action: action || undefined, entityType: entityType || undefined });
  const columns: GridColDef<AuditEntry>[] = [
    { field: 'occurredAt', headerName: t('auditLog.when'), width: 150, sortable: false, valueFormatter: (v) => format.dateTime(v as string) },
    { field: 'actorName', headerName: t('auditLog.actor'), width: 170, sortable: false,
      valueGetter: (_, row) => row.actorName ?? (row.actorId ? t('auditLog.unknownActor') : t('auditLog.system')) },
    { field: 'action', headerName: t('auditLog.action'), width: 130, sortable: false, valueFormatter: (v) => t(codeKey('auditLog.actions', String(v))) },
    { field: 'entityType', headerName: t('auditLog.entity'), flex: 1, minWidth: 220, sortable: false,
      renderCell: (p) => <EntityText entry={p.row} /> },
    {
      field: 'changes', headerName: t('auditLog.changes'), flex: 1, minWidth: 200, sortable: false,
      valueGetter: (_, row) => row.summary ?? changeRows(row).map((c) => fieldName(c.field, t)).join(', '),
    },
    { field: 'open', type: 'actions', headerName: '', width: 56, getActions: ({ row }) => [
      <GridActionsCellItem key="open" icon={<VisibilityIcon />} label={t('auditLog.details')} onClick={() => setOpen(row)} />,
    ] },
  ];
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>{t('auditLog.title')}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField select size="small" label={t('auditLog.action')} value={action} onChange={(e) => setAction(e.target.value)} sx={{ minWidth: 200 }}>
          <MenuItem value="">{t('common.all')}</MenuItem>
          {['CREATE', 'UPDATE', 'DELETE', 'SECURITY'].map((a) => <MenuItem key={a} value={a}>{t(codeKey('auditLog.actions', a))}</MenuItem>)}
        </TextField>
        <TextField select size="small" label={t('auditLog.entity')} value={entityType} onChange={(e) => setEntityType(e.target.value)}
          sx={{ minWidth: 240 }}>
          <MenuItem value="">{t('common.all')}</MenuItem>
          {ENTITY_TYPES.map((e) => <MenuItem key={e} value={e}>{t(codeKey('auditLog.entities', e))}</MenuItem>)}
        </TextField>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('auditLog.openHint')}</Typography>
      <DataGrid autoHeight rows={grid.rows} rowCount={grid.rowCount} loading={grid.loading} columns={columns} {...grid.gridProps}
        disableColumnFilter onRowClick={(p) => setOpen(p.row)}
        sx={{ bgcolor: 'background.paper', '& .MuiDataGrid-row': { cursor: 'pointer' } }} />
      {open && <AuditEntryDialog entry={open} onClose={() => setOpen(null)} />}
    </Box>
  );
}
