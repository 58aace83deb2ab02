import { Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { DataGrid } from './DataGrid';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerGrid } from './useServerGrid';
import { adminApi, type AccessEntry } from './api';
import { useFormat } from '../format';
import { codeKey } from '../translate';

const EVENTS = ['LOGIN', 'LOGIN_FAILED', 'LOCKED', 'LOGOUT', 'REFRESH', 'REFRESH_REUSED', 'PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET'];

export default function AccessLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [event, setEvent] = useState('');
  const grid = useServerGrid(adminApi.accessLog, { event: event || undefined });
  const columns: GridColDef<AccessEntry>[] = [
    { field: 'occurredAt', headerName: t('accessLog.when'), width: 190, sortable: false, valueFormatter: (v) => format.dateTime(v as string) },
    { field: 'event', headerName: t('accessLog.event'), width: 200, sortable: false, valueFormatter: (v) => t(codeKey('accessLog.events', String(v))) },
    { field: 'email', headerName: t('accessLog.email'), flex: 1, minWidth: 200, sortable: false },
    { field: 'ip', headerName: t('accessLog.ip'), width: 140, sortable: false },
    { field: 'userAgent', headerName: t('accessLog.agent'), flex: 1, minWidth: 200, sortable: false },
  ];
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>{t('accessLog.title')}</Typography>
      <Stack direction="row" sx={{ mb: 2 }}>
        <TextField select size="small" label={t('accessLog.event')} value={event} onChange={(e) => setEvent(e.target.value)} sx={{ minWidth: 240 }}>
          <MenuItem value="">{t('common.all')}</MenuItem>
          {EVENTS.map((e) => <MenuItem key={e} value={e}>{t(codeKey('accessLog.events', e))}</MenuItem>)}
        </TextField>
      </Stack>
      <DataGrid autoHeight rows={grid.rows} rowCount={grid.rowCount} loading={grid.loading} columns={columns} {...grid.gridProps}
        disableColumnFilter sx={{ bgcolor: 'background.paper' }} />
    </Box>
  );
}
