import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert, Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField,
} from '@mui/material';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { showProblem, type Customer } from './model';
import { customersApi, useOwners, useTags } from './api';

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
      await customersApi.update(customer.id, {
        commercialName: f.commercialName.trim(), taxId: f.taxId.trim() || null, ownerId: f.ownerId || null,
        tags: [...new Set(f.tags.map((tag) => tag.trim()))], notes: f.notes.trim() || null,
      });
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
