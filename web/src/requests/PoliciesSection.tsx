import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, IconButton, MenuItem,
  Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/client';
import { PRIORITIES, type ServiceType, type SlaPolicy } from './types';
import { businessTime } from './ui';
import { Section } from '../ui/Section';
import { requestKeys, requestSettingsApi, useServiceTypes, useSlaPolicies } from './api';

export function PoliciesSection({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const types = useServiceTypes();
  const policies = useSlaPolicies();
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SlaPolicy | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (p: SlaPolicy) => requestSettingsApi.deletePolicy(p.id),
    onSuccess: () => { setDeleting(null); void client.invalidateQueries({ queryKey: requestKeys.policies }); onSaved(); },
    onError: (e) => { setDeleting(null); setFailure(problemMessage(e, t('common.error'))); },
  });
  const typeName = (id: string | null) => (id ? types.data?.find((ty) => ty.id === id)?.name ?? id : t('servicerequests.anyType'));
  return (
    <Section headerGap={2} title={t('servicerequests.policies')} action={
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
    mutationFn: () => requestSettingsApi.savePolicy(policy?.id, {
      name: name.trim(), serviceTypeId: typeId || null, priority: priority || null, responseMinutes: minutes(response),
      resolutionMinutes: minutes(resolution), active,
    }),
    onSuccess: () => { void client.invalidateQueries({ queryKey: requestKeys.policies }); onClose(true); },
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
