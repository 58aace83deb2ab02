import AddIcon from '@mui/icons-material/Add';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, IconButton, MenuItem,
  Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/client';
import { DATA_SCHEMAS, type DataSchema, type ServiceType } from './types';
import { Section } from '../ui/Section';
import { requestKeys, requestSettingsApi, useServiceTypes } from './api';

export function TypesSection({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const types = useServiceTypes();
  const [edits, setEdits] = useState<Record<string, ServiceType>>({});
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (ty: ServiceType) => requestSettingsApi.updateType(ty.id, { name: ty.name, autoAssign: ty.autoAssign, active: ty.active }),
    onSuccess: (ty) => {
      setFailure(null);
      setEdits(({ [ty.id]: _, ...rest }) => rest);
      void client.invalidateQueries({ queryKey: requestKeys.types });
      onSaved();
    },
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  const edit = (ty: ServiceType, change: Partial<ServiceType>) => setEdits((e) => ({ ...e, [ty.id]: { ...(e[ty.id] ?? ty), ...change } }));
  return (
    <Section headerGap={2} title={t('servicerequests.types')} action={
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
    mutationFn: () => requestSettingsApi.createType({ code, name: name.trim(), dataSchema, autoAssign }),
    onSuccess: () => { void client.invalidateQueries({ queryKey: requestKeys.types }); onClose(true); },
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
