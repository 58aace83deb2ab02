import { zodResolver } from '@hookform/resolvers/zod';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DOCUMENT_TYPES, showProblem } from './model';
import { customersApi } from './api';
import { FormField } from '../ui/FormField';

const MAX_BYTES = 25 * 1024 * 1024; // the server's limit

/** Adds a document: the file (if any) goes to the files API first, then the document names it. */
export function DocumentDialog({ customerId, onClose }: { customerId: string; onClose(saved: boolean): void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const schema = z.object({
    type: z.enum(DOCUMENT_TYPES),
    number: z.string().trim().max(40),
    expiresOn: z.string().refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), t('validation.date')),
  });
  type Form = z.infer<typeof schema>;
  const form = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { type: 'NIT', number: '', expiresOn: '' } });
  const { register, control, formState } = form;

  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    if (file && file.size > MAX_BYTES) {
      setFailure(t('customers.fileTooLarge', { mb: MAX_BYTES / 1024 / 1024 }));
      return;
    }
    try {
      let fileId: string | undefined;
      if (file) fileId = await customersApi.uploadFile(customerId, file);
      await customersApi.addDocument(customerId, {
        type: f.type, number: f.number.trim() || undefined, expiresOn: f.expiresOn || undefined, fileId,
      });
      onClose(true);
    } catch (error) {
      setFailure(showProblem(error, ['type', 'number', 'expiresOn'], form.setError));
    }
  });

  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm" aria-labelledby="document-dialog-title">
      <DialogTitle id="document-dialog-title">{t('customers.newDocument')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="document-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error" role="alert">{failure}</Alert>}
          <Controller control={control} name="type" render={({ field }) => (
            <TextField select label={t('customers.type')} {...field}>
              {DOCUMENT_TYPES.map((d) => <MenuItem key={d} value={d}>{t(`customers.documentTypes.${d}`)}</MenuItem>)}
            </TextField>
          )} />
          <TextField label={t('customers.number')} {...register('number')} error={!!formState.errors.number}
            helperText={formState.errors.number?.message} />
          <FormField control={control} name="expiresOn" label={t('customers.expires')} kind="date" />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
            <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
              {t('customers.chooseFile')}
              <input type="file" hidden data-testid="document-file" accept=".pdf,image/*,.doc,.docx,.xls,.xlsx,.txt,.csv"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </Button>
            <Typography variant="body2" color="text.secondary" aria-live="polite">{file ? file.name : t('customers.noFile')}</Typography>
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button type="submit" form="document-form" variant="contained" disabled={formState.isSubmitting} data-testid="save-document">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
