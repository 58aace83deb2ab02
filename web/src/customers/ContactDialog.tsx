import { zodResolver } from '@hookform/resolvers/zod';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, MenuItem, Stack, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CONTACT_ROLES, showProblem, type Contact } from './model';
import type { Translate } from '../translate';
import { customersApi } from './api';
import { formatPhone, isPhone } from '../format';

const MAX_VALUES = 5;

/**
 * The contact form's rules: a name, a role, up to five phones (the one phone rule, national numbers of the customer's
 * country) and emails; blank rows are dropped, the first one is the primary.
 */
export function contactSchema(t: Translate, country = 'GT') {
  const phone = z.string().trim().max(30).refine((v) => isPhone(v, country), t('validation.phoneLocal'));
  const email = z.string().trim().max(254).refine((v) => v === '' || z.email().safeParse(v).success, t('validation.email'));
  return z.object({
    fullName: z.string().trim().min(1, t('validation.required')).max(120),
    role: z.enum(CONTACT_ROLES),
    phones: z.array(z.object({ value: phone })).max(MAX_VALUES),
    emails: z.array(z.object({ value: email })).max(MAX_VALUES),
  });
}
export type ContactForm = z.infer<ReturnType<typeof contactSchema>>;

/** The body the API wants: blank phones and emails left out, order kept (the first is the primary). */
export function contactBody(f: ContactForm) {
  const values = (list: { value: string }[]) => list.map((v) => v.value.trim()).filter(Boolean);
  return { fullName: f.fullName.trim(), role: f.role, phones: values(f.phones), emails: values(f.emails) };
}

const FIELDS = ['fullName', 'role', 'phones', 'emails'] as const;

/** Adds a contact to a customer, or edits one. A customer has one primary contact: naming another demotes the previous one. */
export function ContactDialog({ customerId, contact, hasPrimary = false, country = 'GT', onClose }: {
  customerId: string; contact?: Contact; hasPrimary?: boolean; country?: string; onClose(saved: boolean): void;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ContactForm>({
    resolver: zodResolver(contactSchema(t, country)),
    defaultValues: {
      fullName: contact?.fullName ?? '', role: (contact?.role as ContactForm['role']) ?? (hasPrimary ? 'OTHER' : 'PRIMARY'),
      phones: (contact?.phones.length ? contact.phones.map(formatPhone) : ['']).map((value) => ({ value })),
      emails: (contact?.emails.length ? contact.emails : ['']).map((value) => ({ value })),
    },
  });
  const { register, formState, control } = form;
  const phones = useFieldArray({ control, name: 'phones' });
  const emails = useFieldArray({ control, name: 'emails' });

  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    try {
      await customersApi.saveContact(customerId, contact?.id, contactBody(f));
      onClose(true);
    } catch (error) {
      // phones[1] on the server is phones.1.value here
      setFailure(showProblem(error, FIELDS, form.setError, (p) => (/^(phones|emails)\.\d+$/.test(p) ? `${p}.value` : p)));
    }
  });

  const list = (name: 'phones' | 'emails', array: { fields: { id: string }[]; remove(index: number): void; append(value: { value: string }): void }) => (
    <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle2">{t(`customers.${name}`)}</Typography>
      {array.fields.map((item, index) => {
        const error = formState.errors[name]?.[index]?.value;
        const label = `${t(name === 'phones' ? 'customers.phone' : 'customers.email')} ${index + 1}`;
        return (
          <Stack key={item.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField size="small" fullWidth label={label} type={name === 'emails' ? 'email' : 'tel'}
              {...register(`${name}.${index}.value`)} error={!!error} helperText={error?.message}
              slotProps={{ htmlInput: { 'data-testid': `contact-${name}-${index}` } }} />
            {index === 0
              ? <Chip size="small" color="primary" variant="outlined" label={t('customers.primary')} sx={{ mt: 1 }} />
              : (
                <IconButton aria-label={`${t('common.delete')}: ${label}`} onClick={() => array.remove(index)}>
                  <DeleteIcon />
                </IconButton>
              )}
          </Stack>
        );
      })}
      {array.fields.length < MAX_VALUES && (
        <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => array.append({ value: '' })}
          data-testid={`add-${name}`}>
          {t(name === 'phones' ? 'customers.addPhone' : 'customers.addEmail')}
        </Button>
      )}
    </Stack>
  );

  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm" aria-labelledby="contact-dialog-title">
      <DialogTitle id="contact-dialog-title">{contact ? t('customers.editContact') : t('customers.newContact')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="contact-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error" role="alert">{failure}</Alert>}
          <TextField label={t('customers.contactName')} {...register('fullName')} error={!!formState.errors.fullName}
            helperText={formState.errors.fullName?.message} />
          <Controller control={control} name="role" render={({ field }) => (
            <TextField select label={t('customers.role')} {...field}>
              {CONTACT_ROLES.map((r) => <MenuItem key={r} value={r}>{t(`customers.roles.${r}`)}</MenuItem>)}
            </TextField>
          )} />
          {list('phones', phones)}
          {list('emails', emails)}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button type="submit" form="contact-form" variant="contained" disabled={formState.isSubmitting} data-testid="save-contact">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
