import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { showProblem, type LegalEntity } from './model';
import { customersApi } from './api';

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
    try {
      await customersApi.saveLegalEntity(customerId, entity?.id, {
        legalName: f.legalName.trim(), taxId: f.taxId.trim() || undefined, nrc: f.nrc.trim() || undefined, isDefault: f.isDefault,
      });
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
