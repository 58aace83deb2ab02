import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert, Autocomplete, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle,
  FormControlLabel, MenuItem, Stack, TextField,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { INTERACTION_KINDS, showProblem, type Customer, type LegalEntity, type Owner } from './model';

/** The users who may own customers: names for everybody, a choice (filter, reassignment) only with `customers:view_all`. */
export function useOwners() {
  const { can } = useAuth();
  const owners = useQuery({
    queryKey: ['customers', 'owners'], enabled: can('customers:view'), staleTime: 60_000,
    queryFn: () => api<Owner[]>('/api/v1/customers/owners'),
  });
  return { ...owners, choosable: can('customers:view_all') && !!owners.data };
}

export function useTags() {
  return useQuery({ queryKey: ['customers', 'tags'], staleTime: 60_000, queryFn: () => api<string[]>('/api/v1/customers/tags') });
}

/** Edits what a customer is called and who looks after it: name, tax id, owner, tags, notes. */
export function EditCustomerDialog({ customer, onClose }: { customer: Customer; onClose(saved: boolean): void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const owners = useOwners();
  const tags = useTags();
  const schema = z.object({
    commercialName: z.string().trim().min(1, t('validation.required')).max(200),
    taxId: z.string().trim().max(20),
    ownerId: z.string(),
    tags: z.array(z.string().trim().min(1).max(40)).max(20),
    notes: z.string().max(4000),
  });
  type Form = z.infer<typeof schema>;
  const form = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { commercialName: customer.commercialName, taxId: customer.taxId ?? '', ownerId: customer.ownerId ?? '',
      tags: customer.tags, notes: customer.notes ?? '' },
  });
  const { register, control, formState } = form;

  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    try {
      await api(`/api/v1/customers/${customer.id}`, { method: 'PUT', body: {
        commercialName: f.commercialName.trim(), taxId: f.taxId.trim() || null, ownerId: f.ownerId || null,
        tags: [...new Set(f.tags.map((tag) => tag.trim()))], notes: f.notes.trim() || null,
      } });
      onClose(true);
    } catch (error) {
      setFailure(showProblem(error, ['commercialName', 'taxId', 'ownerId', 'tags', 'notes'], form.setError));
    }
  });

  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm" aria-labelledby="edit-customer-title">
      <DialogTitle id="edit-customer-title">{t('customers.edit')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="edit-customer-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error" role="alert">{failure}</Alert>}
          <TextField label={t('customers.name')} {...register('commercialName')} error={!!formState.errors.commercialName}
            helperText={formState.errors.commercialName?.message} />
          <TextField label={t('customers.taxId')} {...register('taxId')} error={!!formState.errors.taxId}
            helperText={formState.errors.taxId?.message} />
          {owners.choosable && owners.data && (
            <Controller control={control} name="ownerId" render={({ field, fieldState }) => (
              <TextField select label={t('customers.owner')} {...field} error={!!fieldState.error} helperText={fieldState.error?.message}>
                <MenuItem value="">{t('customers.noOwner')}</MenuItem>
                {owners.data.map((o) => <MenuItem key={o.id} value={o.id}>{o.fullName}</MenuItem>)}
              </TextField>
            )} />
          )}
          <Controller control={control} name="tags" render={({ field, fieldState }) => (
            <Autocomplete multiple freeSolo options={tags.data ?? []} value={field.value} onChange={(_, v) => field.onChange(v)}
              renderInput={(params) => <TextField {...params} label={t('customers.tags')} error={!!fieldState.error}
                helperText={fieldState.error?.message ?? t('customers.tagsHelp')} />} />
          )} />
          <TextField label={t('customers.notes')} multiline minRows={3} {...register('notes')} error={!!formState.errors.notes}
            helperText={formState.errors.notes?.message} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button type="submit" form="edit-customer-form" variant="contained" disabled={formState.isSubmitting} data-testid="save-customer">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Asks "are you sure?" with a reason, then runs the action; a failed action's problem is shown in the dialog.
 * The reason is required unless `reasonOptional`.
 */
export function ReasonDialog({ title, text, confirm, danger, reasonOptional, onConfirm, onClose }: {
  title: string; text: string; confirm: string; danger?: boolean; reasonOptional?: boolean;
  onConfirm(reason: string): Promise<unknown>; onClose(done: boolean): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const missing = !reasonOptional && !reason.trim();
  const run = async () => {
    setTouched(true);
    if (missing) return;
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm(reason.trim());
      onClose(true);
    } catch (error) {
      setFailure(showProblem(error, [], () => {}));
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="xs" aria-labelledby="reason-title" aria-describedby="reason-text">
      <DialogTitle id="reason-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText id="reason-text">{text}</DialogContentText>
          {failure && <Alert severity="error" role="alert">{failure}</Alert>}
          <TextField label={t('customers.reason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2}
            required={!reasonOptional} error={touched && missing} helperText={touched && missing ? t('validation.required') : ' '}
            slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'reason' } }} autoFocus />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button variant="contained" color={danger ? 'error' : 'primary'} disabled={busy} onClick={() => void run()} data-testid="confirm">
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** A plain "are you sure?" for removing a contact, address, document or legal entity. */
export function ConfirmDialog({ title, text, onConfirm, onClose }: {
  title: string; text: string; onConfirm(): Promise<unknown>; onClose(done: boolean): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      await onConfirm();
      onClose(true);
    } catch (error) {
      setFailure(showProblem(error, [], () => {}));
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={() => onClose(false)} maxWidth="xs" aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <DialogTitle id="confirm-title">{title}</DialogTitle>
      <DialogContent>
        {failure && <Alert severity="error" role="alert" sx={{ mb: 2 }}>{failure}</Alert>}
        <DialogContentText id="confirm-text">{text}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button variant="contained" color="error" disabled={busy} onClick={() => void run()} data-testid="confirm">
          {t('common.delete')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Adds or edits a legal entity (razón social) that invoices may be issued to. */
export function LegalEntityDialog({ customerId, entity, onClose }: { customerId: string; entity?: LegalEntity; onClose(saved: boolean): void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const schema = z.object({
    legalName: z.string().trim().min(1, t('validation.required')).max(200),
    taxId: z.string().trim().max(20),
    nrc: z.string().trim().max(20).regex(/^[0-9 -]*$/, t('validation.nrc')),
    isDefault: z.boolean(),
  });
  type Form = z.infer<typeof schema>;
  const form = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { legalName: entity?.legalName ?? '', taxId: entity?.taxId ?? '', nrc: entity?.nrc ?? '', isDefault: entity?.isDefault ?? false },
  });
  const { register, control, formState } = form;
  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    const base = `/api/v1/customers/${customerId}/legal-entities`;
    try {
      await api(entity ? `${base}/${entity.id}` : base, { method: entity ? 'PUT' : 'POST', body: {
        legalName: f.legalName.trim(), taxId: f.taxId.trim() || undefined, nrc: f.nrc.trim() || undefined, isDefault: f.isDefault,
      } });
      onClose(true);
    } catch (error) {
      setFailure(showProblem(error, ['legalName', 'taxId', 'nrc', 'isDefault'], form.setError));
    }
  });
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm" aria-labelledby="legal-entity-title">
      <DialogTitle id="legal-entity-title">{entity ? t('customers.editLegalEntity') : t('customers.newLegalEntity')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="legal-entity-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error" role="alert">{failure}</Alert>}
          <TextField label={t('customers.legalName')} {...register('legalName')} error={!!formState.errors.legalName}
            helperText={formState.errors.legalName?.message} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField label={t('customers.taxId')} {...register('taxId')} sx={{ flex: 1 }} error={!!formState.errors.taxId}
              helperText={formState.errors.taxId?.message} />
            <TextField label={t('customers.nrc')} {...register('nrc')} sx={{ flex: 1 }} error={!!formState.errors.nrc}
              helperText={formState.errors.nrc?.message} />
          </Stack>
          <Controller control={control} name="isDefault" render={({ field }) => (
            <FormControlLabel label={t('customers.isDefault')}
              control={<Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} />} />
          )} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button type="submit" form="legal-entity-form" variant="contained" disabled={formState.isSubmitting} data-testid="save-legal-entity">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Logs a call, visit, email, note or message with the customer. */
export function InteractionDialog({ customerId, onClose }: { customerId: string; onClose(saved: boolean): void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const now = () => {
    const d = new Date();
    d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
    return d.toISOString().slice(0, 16);
  };
  const schema = z.object({
    kind: z.enum(INTERACTION_KINDS),
    occurredAt: z.string().min(1, t('validation.required')).refine((v) => new Date(v).getTime() <= Date.now() + 60_000, t('validation.notFuture')),
    summary: z.string().trim().min(1, t('validation.required')).max(4000),
  });
  type Form = z.infer<typeof schema>;
  const form = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { kind: 'CALL', occurredAt: now(), summary: '' } });
  const { register, control, formState } = form;
  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    try {
      await api(`/api/v1/customers/${customerId}/interactions`, { method: 'POST', body: {
        kind: f.kind, occurredAt: new Date(f.occurredAt).toISOString(), summary: f.summary.trim(),
      } });
      onClose(true);
    } catch (error) {
      setFailure(showProblem(error, ['kind', 'occurredAt', 'summary'], form.setError));
    }
  });
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm" aria-labelledby="interaction-title">
      <DialogTitle id="interaction-title">{t('customers.newInteraction')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="interaction-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error" role="alert">{failure}</Alert>}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <Controller control={control} name="kind" render={({ field }) => (
              <TextField select label={t('customers.type')} {...field} sx={{ flex: 1 }}>
                {INTERACTION_KINDS.map((k) => <MenuItem key={k} value={k}>{t(`customers.interactionKinds.${k}`)}</MenuItem>)}
              </TextField>
            )} />
            <TextField label={t('customers.when')} type="datetime-local" {...register('occurredAt')} sx={{ flex: 1 }}
              error={!!formState.errors.occurredAt} helperText={formState.errors.occurredAt?.message}
              slotProps={{ inputLabel: { shrink: true } }} />
          </Stack>
          <TextField label={t('customers.summary')} multiline minRows={3} {...register('summary')}
            error={!!formState.errors.summary} helperText={formState.errors.summary?.message} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button type="submit" form="interaction-form" variant="contained" disabled={formState.isSubmitting} data-testid="save-interaction">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
