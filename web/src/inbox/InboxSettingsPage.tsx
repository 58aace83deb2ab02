import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert, Autocomplete, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Tab, Tabs, TextField, Typography,
} from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { DataGrid } from '../admin/DataGrid';
import { ApiError, problemMessage } from '../api/client';
import { inboxSettingsApi } from './calls';
import { showProblem } from '../customers/model';
import { useAgents } from './api';
import type { CannedResponse, Team } from './types';
import { useFormat } from '../format';
import type { Translate } from '../translate';

/** The inbox's settings: canned responses and teams (channels have their own page). */
export default function InboxSettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'teams' ? 'teams' : 'canned';
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">{t('inbox.settings.title')}</Typography>
      <Tabs value={tab} onChange={(_, v: string) => setParams(v === 'canned' ? {} : { tab: v }, { replace: true })}>
        <Tab value="canned" label={t('inbox.canned.title')} data-testid="tab-canned" />
        <Tab value="teams" label={t('inbox.teamsAdmin.title')} data-testid="tab-teams" />
      </Tabs>
      {tab === 'canned' ? <CannedResponses /> : <Teams />}
    </Stack>
  );
}

function CannedResponses() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [pagination, setPagination] = useState({ page: 0, pageSize: 20 });
  const [editing, setEditing] = useState<CannedResponse | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['inbox', 'canned-admin', q, pagination.page, pagination.pageSize],
    queryFn: () => inboxSettingsApi.canned(q, pagination.page, pagination.pageSize),
    retry: false,
  });
  const remove = useMutation({
    mutationFn: (id: string) => inboxSettingsApi.deleteCanned(id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inbox'] }),
  });
  const missing = list.error instanceof ApiError && list.error.status === 404;
  const columns: GridColDef<CannedResponse>[] = [
    { field: 'shortCode', headerName: t('inbox.canned.shortCode'), width: 140, sortable: false, valueFormatter: (v: string) => `/${v}` },
    { field: 'title', headerName: t('inbox.canned.titleField'), width: 200, sortable: false },
    { field: 'body', headerName: t('inbox.canned.body'), flex: 1, minWidth: 200, sortable: false },
    { field: 'updatedAt', headerName: t('inbox.canned.updated'), width: 170, sortable: false, valueFormatter: (v: string) => format.dateTime(v) },
    { field: 'actions', headerName: '', width: 190, sortable: false, renderCell: (p) => (
      <Stack direction="row" spacing={1}>
        <Button size="small" onClick={() => setEditing(p.row)} aria-label={`${t('common.edit')} /${p.row.shortCode}`}>{t('common.edit')}</Button>
        <Button size="small" color="error" aria-label={`${t('common.delete')} /${p.row.shortCode}`}
          onClick={() => window.confirm(t('inbox.canned.deleteConfirm', { code: p.row.shortCode })) && remove.mutate(p.row.id)}>
          {t('common.delete')}
        </Button>
      </Stack>
    ) },
  ];
  if (missing) return <Alert severity="info">{t('inbox.canned.unavailable')}</Alert>;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2}>
        <TextField size="small" label={t('common.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" onClick={() => setEditing('new')} data-testid="new-canned">{t('inbox.canned.new')}</Button>
      </Stack>
      {list.isError && <Alert severity="error">{problemMessage(list.error, t('common.error'))}</Alert>}
      {remove.isError && <Alert severity="error">{problemMessage(remove.error, t('common.error'))}</Alert>}
      <DataGrid<CannedResponse> rows={list.data?.items ?? []} columns={columns} rowCount={list.data?.total ?? 0} loading={list.isFetching}
        paginationMode="server" paginationModel={pagination} onPaginationModelChange={setPagination} pageSizeOptions={[10, 20, 50]}
        disableRowSelectionOnClick autoHeight aria-label={t('inbox.canned.title')} />
      {editing && (
        <CannedDialog canned={editing === 'new' ? undefined : editing} onClose={(saved) => {
          setEditing(null);
          if (saved) void client.invalidateQueries({ queryKey: ['inbox'] });
        }} />
      )}
    </Stack>
  );
}

function cannedSchema(t: Translate) {
  return z.object({
    shortCode: z.string().trim().regex(/^[a-z0-9_-]{2,30}$/, t('inbox.canned.shortCodeRule')),
    title: z.string().trim().min(1, t('validation.required')).max(100),
    body: z.string().trim().min(1, t('validation.required')).max(4096),
  });
}
type CannedForm = z.infer<ReturnType<typeof cannedSchema>>;

function CannedDialog({ canned, onClose }: { canned?: CannedResponse; onClose(saved?: boolean): void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<CannedForm>({
    resolver: zodResolver(cannedSchema(t)),
    defaultValues: { shortCode: canned?.shortCode ?? '', title: canned?.title ?? '', body: canned?.body ?? '' },
  });
  const { register, formState } = form;
  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    try {
      await inboxSettingsApi.saveCanned(canned?.id, f);
      onClose(true);
    } catch (error) {
      setFailure(showProblem(error, ['shortCode', 'title', 'body'], form.setError));
    }
  });
  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="sm" aria-labelledby="canned-title">
      <DialogTitle id="canned-title">{t(canned ? 'inbox.canned.edit' : 'inbox.canned.new')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="canned-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error">{failure}</Alert>}
          <TextField label={t('inbox.canned.shortCode')} {...register('shortCode')} error={!!formState.errors.shortCode}
            helperText={formState.errors.shortCode?.message ?? t('inbox.canned.shortCodeRule')}
            slotProps={{ htmlInput: { 'data-testid': 'canned-code' } }} />
          <TextField label={t('inbox.canned.titleField')} {...register('title')} error={!!formState.errors.title}
            helperText={formState.errors.title?.message} slotProps={{ htmlInput: { 'data-testid': 'canned-title' } }} />
          <TextField label={t('inbox.canned.body')} multiline minRows={3} {...register('body')} error={!!formState.errors.body}
            helperText={formState.errors.body?.message ?? t('inbox.canned.bodyHelp', { token: '{{nombre}}' })}
            slotProps={{ htmlInput: { 'data-testid': 'canned-body' } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button type="submit" form="canned-form" variant="contained" disabled={formState.isSubmitting} data-testid="save-canned">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function Teams() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const teams = useQuery({ queryKey: ['inbox', 'teams-admin'], queryFn: inboxSettingsApi.teams, retry: false });
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => inboxSettingsApi.deleteTeam(id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inbox'] }),
  });
  if (teams.error instanceof ApiError && teams.error.status === 404) return <Alert severity="info">{t('inbox.teamsAdmin.unavailable')}</Alert>;
  return (
    <Stack spacing={2}>
      <Box><Button variant="contained" onClick={() => setEditing('new')} data-testid="new-team">{t('inbox.teamsAdmin.new')}</Button></Box>
      {teams.isError && <Alert severity="error">{problemMessage(teams.error, t('common.error'))}</Alert>}
      {remove.isError && <Alert severity="error">{problemMessage(remove.error, t('common.error'))}</Alert>}
      {(teams.data ?? []).map((team) => (
        <Stack key={team.id} direction="row" spacing={1} sx={{ alignItems: 'center', p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Box sx={{ flexGrow: 1 }}>
            <Typography sx={{ fontWeight: 600 }}>{team.name}</Typography>
            <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
              {team.members.map((m) => <Chip key={m.id} size="small" label={m.name} />)}
            </Stack>
          </Box>
          <Button size="small" onClick={() => setEditing(team)} aria-label={`${t('common.edit')} ${team.name}`}>{t('common.edit')}</Button>
          <Button size="small" color="error" aria-label={`${t('common.delete')} ${team.name}`}
            onClick={() => window.confirm(t('inbox.teamsAdmin.deleteConfirm', { name: team.name })) && remove.mutate(team.id)}>
            {t('common.delete')}
          </Button>
        </Stack>
      ))}
      {editing && (
        <TeamDialog team={editing === 'new' ? undefined : editing} onClose={(saved) => {
          setEditing(null);
          if (saved) void client.invalidateQueries({ queryKey: ['inbox'] });
        }} />
      )}
    </Stack>
  );
}

function TeamDialog({ team, onClose }: { team?: Team; onClose(saved?: boolean): void }) {
  const { t } = useTranslation();
  const agents = useAgents();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ name: string; memberIds: string[] }>({
    resolver: zodResolver(z.object({ name: z.string().trim().min(1, t('validation.required')).max(100), memberIds: z.array(z.string()) })),
    defaultValues: { name: team?.name ?? '', memberIds: team?.memberIds ?? [] },
  });
  const options = [...(agents.data ?? []).map((a) => ({ id: a.id, name: a.name })),
    ...(team?.members ?? []).filter((m) => !(agents.data ?? []).some((a) => a.id === m.id))];
  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    try {
      await inboxSettingsApi.saveTeam(team?.id, f);
      onClose(true);
    } catch (error) {
      setFailure(showProblem(error, ['name', 'memberIds'], form.setError));
    }
  });
  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="sm" aria-labelledby="team-title">
      <DialogTitle id="team-title">{t(team ? 'inbox.teamsAdmin.edit' : 'inbox.teamsAdmin.new')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="team-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error">{failure}</Alert>}
          <TextField label={t('inbox.teamsAdmin.name')} {...form.register('name')} error={!!form.formState.errors.name}
            helperText={form.formState.errors.name?.message} slotProps={{ htmlInput: { 'data-testid': 'team-name' } }} />
          <Controller control={form.control} name="memberIds" render={({ field }) => (
            <Autocomplete multiple options={options} getOptionLabel={(o) => o.name} isOptionEqualToValue={(a, b) => a.id === b.id}
              value={options.filter((o) => field.value.includes(o.id))} onChange={(_, v) => field.onChange(v.map((o) => o.id))}
              renderInput={(params) => <TextField {...params} label={t('inbox.teamsAdmin.members')} />} />
          )} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button type="submit" form="team-form" variant="contained" disabled={form.formState.isSubmitting} data-testid="save-team">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
