import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Link, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { z } from 'zod';
import { ApiError } from '../api/client';
import { authApi } from './api';
import { AuthLayout } from './LoginPage';

/** Without a token: ask for a reset link. With one (from the email): choose the new password. */
export default function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ChooseNewPassword token={token} /> : <RequestLink />;
}

function RequestLink() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const schema = z.object({ email: z.string().email(t('validation.email')) });
  const { register, handleSubmit, formState } = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema) });
  const submit = handleSubmit(async (form) => {
    await authApi.requestReset(form).catch(() => undefined);
    setSent(true);
  });
  return (
    <AuthLayout title={t('reset.requestTitle')}>
      <Stack component="form" spacing={2} noValidate onSubmit={submit}>
        {sent ? <Alert severity="success">{t('reset.sent')}</Alert> : <Alert severity="info">{t('reset.requestHelp')}</Alert>}
        <TextField label={t('login.email')} type="email" {...register('email')} error={!!formState.errors.email}
          helperText={formState.errors.email?.message} />
        <Button type="submit" variant="contained" disabled={formState.isSubmitting}>{t('reset.send')}</Button>
        <Link component={RouterLink} to="/login">{t('reset.back')}</Link>
      </Stack>
    </AuthLayout>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<'done' | 'invalid' | null>(null);
  const schema = z
    .object({
      newPassword: z.string().min(10, t('validation.min', { count: 10 })),
      repeat: z.string(),
    })
    .refine((v) => v.newPassword === v.repeat, { message: t('reset.mismatch'), path: ['repeat'] });
  const { register, handleSubmit, formState } = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema) });
  const submit = handleSubmit(async (form) => {
    try {
      await authApi.confirmReset(token, form.newPassword);
      setResult('done');
    } catch (error) {
      setResult(error instanceof ApiError && error.code === 'invalid-reset-token' ? 'invalid' : null);
    }
  });
  return (
    <AuthLayout title={t('reset.confirmTitle')}>
      <Stack component="form" spacing={2} noValidate onSubmit={submit}>
        {result === 'done' && <Alert severity="success">{t('reset.done')}</Alert>}
        {result === 'invalid' && <Alert severity="error">{t('reset.invalid')}</Alert>}
        <TextField label={t('reset.newPassword')} type="password" autoComplete="new-password" {...register('newPassword')}
          error={!!formState.errors.newPassword} helperText={formState.errors.newPassword?.message} />
        <TextField label={t('reset.repeat')} type="password" autoComplete="new-password" {...register('repeat')}
          error={!!formState.errors.repeat} helperText={formState.errors.repeat?.message} />
        <Button type="submit" variant="contained" disabled={formState.isSubmitting || result === 'done'}>{t('common.save')}</Button>
        <Link component={RouterLink} to="/login">{t('reset.back')}</Link>
      </Stack>
    </AuthLayout>
  );
}
