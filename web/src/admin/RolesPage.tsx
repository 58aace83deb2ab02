import AddIcon from '@mui/icons-material/Add';
import {
  Alert, Box, Button, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody,
  TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { DataGrid } from './DataGrid';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useCan } from '../shell/can';
import { codeKey } from '../translate';
import { adminApi, adminKeys, usePermissions, useRoles, type Role } from './api';

export default function RolesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const roles = useRoles();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const columns: GridColDef<Role>[] = [
    { field: 'name', headerName: t('roles.name'), flex: 1, minWidth: 160 },
    { field: 'code', headerName: t('roles.code'), width: 160 },
    { field: 'system', headerName: t('roles.system'), width: 130, renderCell: (p) => (p.value ? <Chip size="small" label={t('roles.system')} /> : null) },
    { field: 'userCount', headerName: t('roles.users'), width: 110, type: 'number' },
    { field: 'permissions', headerName: t('roles.permissions'), width: 130, type: 'number', valueGetter: (v: string[]) => v.length },
  ];
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>{t('roles.title')}</Typography>
        {can('roles:create') && (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} data-testid="new-role">{t('roles.new')}</Button>
        )}
      </Stack>
      <DataGrid autoHeight rows={roles.data ?? []} columns={columns} loading={roles.isFetching} hideFooter
        onRowClick={(p) => setEditing(p.row)} sx={{ bgcolor: 'background.paper', '& .MuiDataGrid-row': { cursor: 'pointer' } }} />
      {editing && <RoleDialog role={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Box>
  );
}

function RoleDialog({ role, onClose }: { role: Role | null; onClose(): void }) {
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const catalog = usePermissions();
  const [code, setCode] = useState(role?.code ?? '');
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [granted, setGranted] = useState<Set<string>>(new Set(role?.permissions ?? []));
  const [failure, setFailure] = useState<ApiError | null>(null);
  const editable = role ? can('roles:edit') : can('roles:create');
  const actions = [...new Set(Object.values(catalog.data ?? {}).flat())];

  const toggle = (permission: string) => {
    const next = new Set(granted);
    if (next.has(permission)) next.delete(permission);
    else next.add(permission);
    setGranted(next);
  };

  const save = useMutation({
    mutationFn: () => {
      const body = { name, description: description || undefined, permissions: [...granted] };
      return role
        ? adminApi.updateRole(role.id, body)
        : adminApi.createRole({ ...body, code });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: adminKeys.roles });
      onClose();
    },
    onError: (e) => setFailure(e instanceof ApiError ? e : null),
  });
  const fieldError = (field: string) => failure?.fieldErrors.find((e) => e.field === field)?.message;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="role-dialog-title">
      <DialogTitle id="role-dialog-title">{role ? role.name : t('roles.new')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {failure && <Alert severity="error">{failure.detail ?? failure.title}</Alert>}
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField label={t('roles.code')} value={code} disabled={!!role} onChange={(e) => setCode(e.target.value.toUpperCase())}
              error={!!fieldError('code')} helperText={fieldError('code') ?? t('validation.code')} slotProps={{ htmlInput: { 'data-testid': 'role-code' } }} />
            <TextField label={t('roles.name')} value={name} disabled={!editable} onChange={(e) => setName(e.target.value)} sx={{ flex: 1 }}
              error={!!fieldError('name')} helperText={fieldError('name')} slotProps={{ htmlInput: { 'data-testid': 'role-name' } }} />
          </Stack>
          <TextField label={t('roles.description')} value={description} disabled={!editable} onChange={(e) => setDescription(e.target.value)} />
          <TableContainer sx={{ maxHeight: 420 }}>
            <Table size="small" stickyHeader aria-label={t('roles.permissions')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('roles.module')}</TableCell>
                  {actions.map((a) => <TableCell key={a} align="center">{t(codeKey('actions', a))}</TableCell>)}
                </TableRow>
              </TableHead>
              <TableBody>
                {Object.entries(catalog.data ?? {}).map(([module, moduleActions]) => (
                  <TableRow key={module} hover>
                    <TableCell component="th" scope="row">{t(codeKey('modules', module))}</TableCell>
                    {actions.map((a) => (
                      <TableCell key={a} align="center" padding="checkbox">
                        {moduleActions.includes(a) && (
                          <Checkbox size="small" disabled={!editable} checked={granted.has(`${module}:${a}`)}
                            onChange={() => toggle(`${module}:${a}`)}
                            slotProps={{ input: { 'aria-label': `${t(codeKey('modules', module))}: ${t(codeKey('actions', a))}`, 'data-permission': `${module}:${a}` } as object }} />
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        {editable && <Button variant="contained" onClick={() => save.mutate()} disabled={save.isPending} data-testid="save-role">{t('common.save')}</Button>}
      </DialogActions>
    </Dialog>
  );
}
