import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Box, Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../api/client';
import { useAuth } from './AuthContext';
import type { Translate } from '../translate';

/** The sign-in form: used by the login page and by the "session expired" dialog. */
export function LoginForm({ onDone, email }: { onDone?: () => void; email?: string }) {
  const { t } = useTranslation();
  const { login } = useAuth();
  const [failure, setFailure] = useState<string | null>(null);
  const schema = z.object({
    email: z.string().min(1, t('validation.required')).email(t('validation.email')),
    password: z.string().min(1, t('validation.required')),
  });
  type Form = z.infer<typeof schema>;
  const { register, handleSubmit, formState } = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { email: email ?? '', password: '' },
  });

  const submit = handleSubmit(async (form) => {
    setFailure(null);
    try {
      await login(form.email, form.password);
      onDone?.();
    } catch (error) {
      setFailure(message(error, t));
    }
  });

  return (
    <Box component="form" noValidate onSubmit={submit} aria-label={t('login.title')}>
      <Stack spacing={2}>
        {failure && (
          <Alert severity="error" role="alert" data-testid="login-error">
            {failure}
          </Alert>
        )}
        <TextField
          label={t('login.email')}
          type="email"
          autoComplete="username"
          autoFocus
          {...register('email')}
          error={!!formState.errors.email}
          helperText={formState.errors.email?.message}
        />
        <TextField
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          {...register('password')}
          error={!!formState.errors.password}
          helperText={formState.errors.password?.message}
        />
        <Button type="submit" variant="contained" size="large" disabled={formState.isSubmitting}>
          {t('login.submit')}
        </Button>
      </Stack>
    </Box>
  );
}

function message(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('common.error');
  switch (error.code) {
    case 'invalid-credentials':
      return t('login.wrong');
    case 'rate-limited':
      return t('login.rateLimited', { seconds: error.retryAfter ?? 60 });
    case 'account-inactive':
      return t('login.inactive');
    default:
      return error.detail ?? error.title;
  }
}
