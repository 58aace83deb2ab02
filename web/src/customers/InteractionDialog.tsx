import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { INTERACTION_KINDS, showProblem } from './model';
import { customersApi } from './api';
import { FormField } from '../ui/FormField';

/** Logs a call, visit, email, note or message with the customer. */
export function InteractionDialog({ customerId, onClose }: { customerId: string; onClose(saved: boolean): void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const schema = z.object({
    kind: z.enum(INTERACTION_KINDS),
    occurredAt: z.string().min(1, t('validation.required')).refine((v) => new Date(v).getTime() <= Date.now() + 60_000, t('validation.notFuture')),
    summary: z.string().trim().min(1, t('validation.required')).max(4000),
  });
  type Form = z.infer<typeof schema>;
  const form = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { kind: 'CALL', occurredAt: new Date().toISOString(), summary: '' } });
  const { register, control, formState } = form;
  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    try {
      await customersApi.addInteraction(customerId, {
        kind: f.kind, occurredAt: f.occurredAt, summary: f.summary.trim(),
      });
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
            <FormField control={control} name="occurredAt" label={t('customers.when')} kind="dateTime" sx={{ flex: 1 }} />
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
