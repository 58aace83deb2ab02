import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert, Box, Button, Card, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, IconButton,
  MenuItem, Snackbar, Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { DATA_SCHEMAS, PRIORITIES, WEEKDAYS, type DataSchema, type Settings, type ServiceType, type SlaPolicy } from './types';
import { businessTime, problemMessage, useRequestSettings, useServiceTypes } from './ui';

const ZONES = ['America/Guatemala', 'America/El_Salvador', 'America/Tegucigalpa', 'America/Managua', 'America/Costa_Rica',
  'America/Mexico_City', 'America/Panama', 'UTC'];

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 2 }}>
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>{title}</Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}

/** The module's setup: approval and business calendar, service types, SLA policies. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>{t('servicerequests.settings')}</Typography>
      <Stack spacing={2}>
        <CalendarSection onSaved={() => setSaved(true)} />
        <TypesSection onSaved={() => setSaved(true)} />
        <PoliciesSection onSaved={() => setSaved(true)} />
      </Stack>
      <Snackbar open={saved} autoHideDuration={3000} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} onClose={() => setSaved(false)} message={t('common.saved')} />
    </Box>
  );
}

function CalendarSection({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useRequestSettings();
  const [draft, setDraft] = useState<Settings | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => { if (settings.data) setDraft(structuredClone(settings.data)); }, [settings.data]);
  const save = useMutation({
    mutationFn: (s: Settings) => api<Settings>('/api/v1/service-requests/settings', { method: 'PUT', body: s }),
    onSuccess: (s) => { setFailure(null); client.setQueryData(['sr-settings'], s); onSaved(); },
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  if (!draft) return null;
  const update = (f: (s: Settings) => void) => setDraft((d) => { const copy = structuredClone(d!); f(copy); return copy; });
  const zones = ZONES.includes(draft.timeZone) ? ZONES : [draft.timeZone, ...ZONES];
  return (
    <Section title={t('servicerequests.calendar')}>
      <Stack spacing={2}>
        {failure && <Alert severity="error">{failure}</Alert>}
        <FormControlLabel label={t('servicerequests.approvalRequired')} control={
          <Switch checked={draft.approvalRequired} onChange={(e) => update((s) => { s.approvalRequired = e.target.checked; })}
            data-testid="approval-required" />} />
        <TextField select label={t('servicerequests.timeZone')} value={draft.timeZone} sx={{ maxWidth: 320 }}
          onChange={(e) => update((s) => { s.timeZone = e.target.value; })}>
          {zones.map((z) => <MenuItem key={z} value={z}>{z}</MenuItem>)}
        </TextField>
        <Typography variant="subtitle1" component="h3">{t('servicerequests.week')}</Typography>
        {WEEKDAYS.map((day) => {
          const dayName = t(`servicerequests.weekdays.${day}`);
          const windows = draft.week[day] ?? [];
          return (
            <Stack key={day} direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'center' } }}
              role="group" aria-label={dayName}>
              <Typography sx={{ width: 110, fontWeight: 500 }}>{dayName}</Typography>
              {windows.length === 0 && <Chip size="small" label={t('servicerequests.closedDay')} sx={{ alignSelf: { xs: 'flex-start', md: 'center' } }} />}
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
                {windows.map((w, i) => (
                  <Stack key={i} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                    <TextField type="time" size="small" label={`${t('servicerequests.start')} ${i + 1}`} value={w[0]} sx={{ width: 150 }}
                      slotProps={{ inputLabel: { shrink: true } }}
                      onChange={(e) => update((s) => { s.week[day][i][0] = e.target.value; })} />
                    <TextField type="time" size="small" label={`${t('servicerequests.end')} ${i + 1}`} value={w[1]} sx={{ width: 150 }}
                      slotProps={{ inputLabel: { shrink: true } }}
                      onChange={(e) => update((s) => { s.week[day][i][1] = e.target.value; })} />
                    <IconButton size="small" aria-label={t('servicerequests.removeWindow', { n: i + 1, day: dayName })}
                      onClick={() => update((s) => { s.week[day].splice(i, 1); })}><DeleteIcon fontSize="small" /></IconButton>
                  </Stack>
                ))}
              </Stack>
              <IconButton size="small" aria-label={t('servicerequests.addWindow', { day: dayName })} disabled={windows.length >= 6}
                onClick={() => update((s) => { s.week[day] = [...(s.week[day] ?? []), windows.length ? ['13:00', '17:00'] : ['08:00', '12:00']]; })}>
                <AddIcon fontSize="small" />
              </IconButton>
            </Stack>
          );
        })}
        <Typography variant="subtitle1" component="h3">{t('servicerequests.holidays')}</Typography>
        {draft.holidays.map((h, i) => (
          <Stack key={i} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
            <TextField type="date" size="small" label={t('servicerequests.holidayDay')} value={h.day} slotProps={{ inputLabel: { shrink: true } }}
              onChange={(e) => update((s) => { s.holidays[i].day = e.target.value; })} />
            <TextField size="small" label={t('servicerequests.holidayName')} value={h.name} sx={{ flex: 1, maxWidth: 400 }}
              slotProps={{ htmlInput: { maxLength: 100 } }} onChange={(e) => update((s) => { s.holidays[i].name = e.target.value; })} />
            <IconButton size="small" aria-label={t('servicerequests.removeHoliday', { n: i + 1 })}
              onClick={() => update((s) => { s.holidays.splice(i, 1); })}><DeleteIcon fontSize="small" /></IconButton>
          </Stack>
        ))}
        <Box>
          <Button startIcon={<AddIcon />} onClick={() => update((s) => { s.holidays.push({ day: '', name: '' }); })}>
            {t('servicerequests.addHoliday')}
          </Button>
        </Box>
        <Box>
          <Button variant="contained" startIcon={<SaveIcon />} disabled={save.isPending} data-testid="save-settings"
            onClick={() => save.mutate({ ...draft, holidays: draft.holidays.filter((h) => h.day && h.name.trim()) })}>
            {t('servicerequests.saveSettings')}
          </Button>
        </Box>
      </Stack>
    </Section>
  );
}

function TypesSection({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const types = useServiceTypes();
  const [edits, setEdits] = useState<Record<string, ServiceType>>({});
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (ty: ServiceType) => api<ServiceType>(`/api/v1/service-types/${ty.id}`, {
      method: 'PUT', body: { name: ty.name, autoAssign: ty.autoAssign, active: ty.active },
    }),
    onSuccess: (ty) => {
      setFailure(null);
      setEdits(({ [ty.id]: _, ...rest }) => rest);
      void client.invalidateQueries({ queryKey: ['service-types'] });
      onSaved();
    },
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  const edit = (ty: ServiceType, change: Partial<ServiceType>) => setEdits((e) => ({ ...e, [ty.id]: { ...(e[ty.id] ?? ty), ...change } }));
  return (
    <Section title={t('servicerequests.types')} action={
      <Button startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="new-type">{t('servicerequests.newType')}</Button>}>
      {failure && <Alert severity="error" sx={{ mb: 1 }}>{failure}</Alert>}
      <TableContainer>
        <Table size="small" aria-label={t('servicerequests.types')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('servicerequests.name')}</TableCell>
              <TableCell>{t('servicerequests.code')}</TableCell>
              <TableCell>{t('servicerequests.dataSchema')}</TableCell>
              <TableCell>{t('servicerequests.autoAssign')}</TableCell>
              <TableCell>{t('servicerequests.active')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(types.data ?? []).map((original) => {
              const ty = edits[original.id] ?? original;
              return (
                <TableRow key={ty.id}>
                  <TableCell sx={{ minWidth: 200 }}>
                    <TextField size="small" fullWidth value={ty.name} onChange={(e) => edit(original, { name: e.target.value })}
                      slotProps={{ htmlInput: { 'aria-label': `${t('servicerequests.name')}: ${original.name}`, maxLength: 100 } }} />
                  </TableCell>
                  <TableCell>{ty.code}</TableCell>
                  <TableCell>{t(`servicerequests.schemas.${ty.dataSchema}`)}</TableCell>
                  <TableCell>
                    <Switch checked={ty.autoAssign} onChange={(e) => edit(original, { autoAssign: e.target.checked })}
                      slotProps={{ input: { 'aria-label': `${t('servicerequests.autoAssign')}: ${original.name}` } }} />
                  </TableCell>
                  <TableCell>
                    <Switch checked={ty.active} onChange={(e) => edit(original, { active: e.target.checked })}
                      slotProps={{ input: { 'aria-label': `${t('servicerequests.active')}: ${original.name}` } }} />
                  </TableCell>
                  <TableCell>
                    <IconButton aria-label={t('servicerequests.saveType', { name: original.name })} disabled={!edits[original.id] || !ty.name.trim()}
                      onClick={() => save.mutate(ty)}><SaveIcon /></IconButton>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {creating && <NewTypeDialog onClose={(done) => { setCreating(false); if (done) onSaved(); }} />}
    </Section>
  );
}

function NewTypeDialog({ onClose }: { onClose(done?: boolean): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [dataSchema, setDataSchema] = useState<DataSchema>('FREE_FORM');
  const [autoAssign, setAutoAssign] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const codeOk = /^[A-Z][A-Z0-9_]{1,39}$/.test(code);
  const create = useMutation({
    mutationFn: () => api<ServiceType>('/api/v1/service-types', { method: 'POST', body: { code, name: name.trim(), dataSchema, autoAssign } }),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['service-types'] }); onClose(true); },
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="xs" aria-labelledby="new-type-title">
      <DialogTitle id="new-type-title">{t('servicerequests.newType')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {failure && <Alert severity="error">{failure}</Alert>}
          <TextField label={t('servicerequests.code')} value={code} required onChange={(e) => setCode(e.target.value.toUpperCase())}
            error={code !== '' && !codeOk} helperText={code !== '' && !codeOk ? t('validation.code') : undefined} />
          <TextField label={t('servicerequests.name')} value={name} required onChange={(e) => setName(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 100 } }} />
          <TextField select label={t('servicerequests.dataSchema')} value={dataSchema} onChange={(e) => setDataSchema(e.target.value as DataSchema)}>
            {DATA_SCHEMAS.map((s) => <MenuItem key={s} value={s}>{t(`servicerequests.schemas.${s}`)}</MenuItem>)}
          </TextField>
          <FormControlLabel label={t('servicerequests.autoAssign')}
            control={<Switch checked={autoAssign} onChange={(e) => setAutoAssign(e.target.checked)} />} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={!codeOk || !name.trim() || create.isPending} onClick={() => create.mutate()}>{t('common.create')}</Button>
      </DialogActions>
    </Dialog>
  );
}

function PoliciesSection({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const types = useServiceTypes();
  const policies = useQuery({ queryKey: ['sla-policies'], queryFn: () => api<SlaPolicy[]>('/api/v1/sla-policies') });
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SlaPolicy | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (p: SlaPolicy) => api(`/api/v1/sla-policies/${p.id}`, { method: 'DELETE' }),
    onSuccess: () => { setDeleting(null); void client.invalidateQueries({ queryKey: ['sla-policies'] }); onSaved(); },
    onError: (e) => { setDeleting(null); setFailure(problemMessage(e, t('common.error'))); },
  });
  const typeName = (id: string | null) => (id ? types.data?.find((ty) => ty.id === id)?.name ?? id : t('servicerequests.anyType'));
  return (
    <Section title={t('servicerequests.policies')} action={
      <Button startIcon={<AddIcon />} onClick={() => setEditing('new')} data-testid="new-policy">{t('servicerequests.newPolicy')}</Button>}>
      {failure && <Alert severity="error" sx={{ mb: 1 }}>{failure}</Alert>}
      <TableContainer>
        <Table size="small" aria-label={t('servicerequests.policies')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('servicerequests.name')}</TableCell>
              <TableCell>{t('servicerequests.type')}</TableCell>
              <TableCell>{t('servicerequests.priority')}</TableCell>
              <TableCell>{t('servicerequests.responseTarget')}</TableCell>
              <TableCell>{t('servicerequests.resolutionTarget')}</TableCell>
              <TableCell>{t('servicerequests.active')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(policies.data ?? []).map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.name}</TableCell>
                <TableCell>{typeName(p.serviceTypeId)}</TableCell>
                <TableCell>{p.priority ? t(`servicerequests.priorities.${p.priority}`) : t('servicerequests.anyPriority')}</TableCell>
                <TableCell>{businessTime(t, p.responseMinutes)}</TableCell>
                <TableCell>{businessTime(t, p.resolutionMinutes)}</TableCell>
                <TableCell>{p.active ? t('common.yes') : t('common.no')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <IconButton aria-label={t('servicerequests.editPolicyOf', { name: p.name })} onClick={() => setEditing(p)}><EditIcon /></IconButton>
                  <IconButton aria-label={t('servicerequests.deletePolicy', { name: p.name })} onClick={() => setDeleting(p)}><DeleteIcon /></IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {editing && <PolicyDialog policy={editing === 'new' ? null : editing} types={types.data ?? []}
        onClose={(done) => { setEditing(null); if (done) onSaved(); }} />}
      <Dialog open={!!deleting} onClose={() => setDeleting(null)} aria-labelledby="delete-policy-title">
        <DialogTitle id="delete-policy-title">{t('servicerequests.confirmDeletePolicy', { name: deleting?.name })}</DialogTitle>
        <DialogActions>
          <Button onClick={() => setDeleting(null)}>{t('common.cancel')}</Button>
          <Button color="error" variant="contained" onClick={() => deleting && remove.mutate(deleting)}>{t('common.delete')}</Button>
        </DialogActions>
      </Dialog>
    </Section>
  );
}

function PolicyDialog({ policy, types, onClose }: { policy: SlaPolicy | null; types: ServiceType[]; onClose(done?: boolean): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(policy?.name ?? '');
  const [typeId, setTypeId] = useState(policy?.serviceTypeId ?? '');
  const [priority, setPriority] = useState<string>(policy?.priority ?? '');
  const [response, setResponse] = useState({ h: String(Math.floor((policy?.responseMinutes ?? 240) / 60)), m: String((policy?.responseMinutes ?? 240) % 60) });
  const [resolution, setResolution] = useState({ h: String(Math.floor((policy?.resolutionMinutes ?? 2400) / 60)), m: String((policy?.resolutionMinutes ?? 2400) % 60) });
  const [active, setActive] = useState(policy?.active ?? true);
  const [failure, setFailure] = useState<string | null>(null);
  const minutes = (v: { h: string; m: string }) => (Number(v.h) || 0) * 60 + (Number(v.m) || 0);
  const valid = name.trim() !== '' && minutes(response) >= 1 && minutes(resolution) >= minutes(response);
  const save = useMutation({
    mutationFn: () => api<SlaPolicy>(policy ? `/api/v1/sla-policies/${policy.id}` : '/api/v1/sla-policies', {
      method: policy ? 'PUT' : 'POST',
      body: { name: name.trim(), serviceTypeId: typeId || null, priority: priority || null, responseMinutes: minutes(response),
        resolutionMinutes: minutes(resolution), active },
    }),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['sla-policies'] }); onClose(true); },
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  const duration = (label: string, v: { h: string; m: string }, set: (v: { h: string; m: string }) => void) => (
    <Stack direction="row" spacing={1} role="group" aria-label={label}>
      <TextField label={`${label}: ${t('servicerequests.hours')}`} type="number" value={v.h} onChange={(e) => set({ ...v, h: e.target.value })}
        slotProps={{ htmlInput: { min: 0 } }} sx={{ flex: 1 }} />
      <TextField label={`${label}: ${t('servicerequests.minutes')}`} type="number" value={v.m} onChange={(e) => set({ ...v, m: e.target.value })}
        slotProps={{ htmlInput: { min: 0, max: 59 } }} sx={{ flex: 1 }} />
    </Stack>
  );
  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="sm" aria-labelledby="policy-title">
      <DialogTitle id="policy-title">{policy ? t('servicerequests.editPolicy') : t('servicerequests.newPolicy')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {failure && <Alert severity="error">{failure}</Alert>}
          <TextField label={t('servicerequests.name')} value={name} required onChange={(e) => setName(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 100 } }} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField select label={t('servicerequests.type')} value={typeId} onChange={(e) => setTypeId(e.target.value)} sx={{ flex: 1 }}>
              <MenuItem value="">{t('servicerequests.anyType')}</MenuItem>
              {types.map((ty) => <MenuItem key={ty.id} value={ty.id}>{ty.name}</MenuItem>)}
            </TextField>
            <TextField select label={t('servicerequests.priority')} value={priority} onChange={(e) => setPriority(e.target.value)} sx={{ flex: 1 }}>
              <MenuItem value="">{t('servicerequests.anyPriority')}</MenuItem>
              {PRIORITIES.map((p) => <MenuItem key={p} value={p}>{t(`servicerequests.priorities.${p}`)}</MenuItem>)}
            </TextField>
          </Stack>
          {duration(t('servicerequests.responseTarget'), response, setResponse)}
          {duration(t('servicerequests.resolutionTarget'), resolution, setResolution)}
          <FormControlLabel label={t('servicerequests.active')} control={<Switch checked={active} onChange={(e) => setActive(e.target.checked)} />} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={!valid || save.isPending} onClick={() => save.mutate()} data-testid="save-policy">{t('common.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
