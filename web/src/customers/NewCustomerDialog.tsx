import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../api/client';
import { formProblem } from '../api/formProblem';
import { customersApi, customerKeys } from './api';
import { isPhone } from '../format';

/** What a possible duplicate is found by: changing one of these makes the warning stale. */
const MATCHED_ON = ['taxId', 'phone', 'email', 'country'] as const;

interface Duplicate { id: string; commercialName: string; matchedOn: string }

/** What a new customer starts with (the inbox's contact panel fills in the WhatsApp profile's name and phone). */
export interface NewCustomerInitial {
  kind?: 'COMPANY' | 'PERSON'; commercialName?: string; country?: 'GT' | 'SV'; contactName?: string; phone?: string;
}

/**
 * Creates a customer with its main contact; warns of duplicates once, then creates on confirmation. Changing the tax
 * id, phone, email or country takes the warning back: the next save checks the new data.
 */
export function NewCustomerDialog({ onClose, initial }: { onClose(createdId?: string): void; initial?: NewCustomerInitial }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);
  const schema = z.object({
    kind: z.enum(['COMPANY', 'PERSON']),
    commercialName: z.string().trim().min(1, t('validation.required')).max(200),
    country: z.enum(['GT', 'SV']),
    taxId: z.string().max(20),
    contactName: z.string().max(120),
    phone: z.string().max(30),
    email: z.string().refine((v) => v === '' || z.string().email().safeParse(v).success, t('validation.email')),
  }).refine((f) => isPhone(f.phone, f.country), { path: ['phone'], message: t('validation.phoneLocal') });
  type Form = z.infer<typeof schema>;
  const form = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { kind: 'COMPANY', commercialName: '', country: 'GT', taxId: '', contactName: '', phone: '', email: '', ...initial },
  });
  const { register, control, formState } = form;
  // the warning is about the data it was given: once that changes, it no longer holds (and saving checks again)
  useEffect(() => {
    const subscription = form.watch((_, { name }) => {
      if (name && (MATCHED_ON as readonly string[]).includes(name)) setDuplicates((d) => (d.length ? [] : d));
    });
    return () => subscription.unsubscribe();
  }, [form]);

  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    const contactName = f.contactName.trim() || (f.kind === 'PERSON' ? f.commercialName : '');
    const contact = contactName ? {
      fullName: contactName, role: 'PRIMARY', phones: f.phone ? [f.phone] : [], emails: f.email ? [f.email] : [],
    } : undefined;
    try {
      const created = await customersApi.create({
        kind: f.kind, commercialName: f.commercialName, country: f.country, taxId: f.taxId || undefined, contact,
        allowDuplicate: duplicates.length > 0,
      });
      void client.invalidateQueries({ queryKey: customerKeys.list });
      onClose(created.id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'possible-duplicate') {
        setDuplicates((error.body.duplicates as Duplicate[] | undefined) ?? []);
        return;
      }
      setFailure(formProblem(error, form.setError, t('common.error')));
    }
  });

  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="sm" aria-labelledby="new-customer-title">
      <DialogTitle id="new-customer-title">{t('customers.new')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="customer-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error">{failure}</Alert>}
          {duplicates.length > 0 && (
            <Alert severity="warning" data-testid="duplicate-warning">
              {t('customers.duplicate', { names: [...new Set(duplicates.map((d) => d.commercialName))].join(', ') })}
            </Alert>
          )}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <Controller control={control} name="kind" render={({ field }) => (
              <TextField select label={t('customers.kind')} {...field} sx={{ flex: 1 }}>
                <MenuItem value="COMPANY">{t('customers.company')}</MenuItem>
                <MenuItem value="PERSON">{t('customers.person')}</MenuItem>
              </TextField>
            )} />
            <Controller control={control} name="country" render={({ field }) => (
              <TextField select label={t('customers.country')} {...field} sx={{ flex: 1 }}>
                <MenuItem value="GT">Guatemala</MenuItem>
                <MenuItem value="SV">El Salvador</MenuItem>
              </TextField>
            )} />
          </Stack>
          <TextField label={t('customers.name')} {...register('commercialName')} error={!!formState.errors.commercialName}
            helperText={formState.errors.commercialName?.message} />
          <TextField label={t('customers.taxId')} {...register('taxId')} error={!!formState.errors.taxId}
            helperText={formState.errors.taxId?.message} />
          <TextField label={t('customers.contactName')} {...register('contactName')} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField label={t('customers.phone')} {...register('phone')} sx={{ flex: 1 }}
              error={!!formState.errors.phone} helperText={formState.errors.phone?.message} />
            <TextField label={t('customers.email')} type="email" {...register('email')} sx={{ flex: 1 }}
              error={!!formState.errors.email} helperText={formState.errors.email?.message} />
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button type="submit" form="customer-form" variant="contained" disabled={formState.isSubmitting} data-testid="save-customer">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
