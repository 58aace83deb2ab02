import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert, Box, Button, Card, CardContent, Chip, MenuItem, Stack, Table, TableBody, TableCell, TableContainer, TableHead,
  TableRow, TextField, Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formProblem } from '../api/formProblem';
import { useAuth } from '../auth/AuthContext';
import { formatPhone, isPhone, useFormat } from '../format';
import { profileApi, profileKeys } from './api';
import { adoptLanguage } from './language';

/** The signed-in user's own account: name, phone and language; password; open sessions. */
export default function ProfilePage() {
  const { t } = useTranslation();
  return (
    <Box sx={{ maxWidth: 900 }}>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>{t('profile.title')}</Typography>
      <Stack spacing={3}>
        <DetailsCard />
        <PasswordCard />
        <SessionsCard />
      </Stack>
    </Box>
  );
}

function DetailsCard() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const client = useQueryClient();
  const country = me?.tenant.country ?? 'GT';
  const profile = useQuery({ queryKey: profileKeys.profile, queryFn: profileApi.get });
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const schema = z.object({
    fullName: z.string().trim().min(1, t('validation.required')).max(120),
    phone: z.string().max(30).refine((v) => isPhone(v, country), t('validation.phoneLocal')),
    language: z.enum(['es', 'en']),
  });
  type Form = z.infer<typeof schema>;
  const form = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { fullName: '', phone: '', language: 'es' } });
  const { register, control, formState } = form;
  useEffect(() => {
    const p = profile.data;
    if (p) form.reset({ fullName: p.fullName, phone: formatPhone(p.phone), language: p.language });
  }, [profile.data, form]);

  const submit = form.handleSubmit(async (f) => {
    setNotice(null);
    try {
      const saved = await profileApi.save({ fullName: f.fullName.trim(), phone: f.phone.trim() || null, language: f.language });
      client.setQueryData(profileKeys.profile, saved);
      adoptLanguage(saved.language);
      setNotice({ ok: true, text: t('profile.saved') });
    } catch (error) {
      setNotice({ ok: false, text: formProblem(error, form.setError, t('common.error')) });
    }
  });

  return (
    <Card variant="outlined"><CardContent>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>{t('profile.details')}</Typography>
      <Stack component="form" spacing={2} noValidate onSubmit={submit} aria-label={t('profile.details')}>
        {notice && <Alert severity={notice.ok ? 'success' : 'error'} role="status">{notice.text}</Alert>}
        <TextField label={t('profile.email')} value={profile.data?.email ?? me?.user.email ?? ''} disabled />
        <TextField label={t('profile.fullName')} {...register('fullName')} error={!!formState.errors.fullName}
          helperText={formState.errors.fullName?.message} slotProps={{ inputLabel: { shrink: true } }} />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField label={t('profile.phone')} {...register('phone')} sx={{ flex: 1 }} error={!!formState.errors.phone}
            helperText={formState.errors.phone?.message} slotProps={{ inputLabel: { shrink: true } }} />
          <Controller control={control} name="language" render={({ field }) => (
            <TextField select label={t('profile.language')} {...field} sx={{ flex: 1 }}>
              <MenuItem value="es">{t('shell.spanish')}</MenuItem>
              <MenuItem value="en">{t('shell.english')}</MenuItem>
            </TextField>
          )} />
        </Stack>
        <Box>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting || !profile.data} data-testid="save-profile">
            {t('common.save')}
          </Button>
        </Box>
      </Stack>
    </CardContent></Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const schema = z.object({
    currentPassword: z.string().min(1, t('validation.required')),
    newPassword: z.string().min(10, t('validation.min', { count: 10 })).max(128),
    repeat: z.string(),
  }).refine((f) => f.newPassword === f.repeat, { path: ['repeat'], message: t('profile.mismatch') });
  type Form = z.infer<typeof schema>;
  const form = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { currentPassword: '', newPassword: '', repeat: '' } });
  const { register, formState } = form;

  const submit = form.handleSubmit(async (f) => {
    setNotice(null);
    try {
      await profileApi.changePassword(f.currentPassword, f.newPassword);
      form.reset();
      void client.invalidateQueries({ queryKey: profileKeys.sessions });
      setNotice({ ok: true, text: t('profile.passwordChanged') });
    } catch (error) {
      setNotice({ ok: false, text: formProblem(error, form.setError, t('common.error')) });
    }
  });

  return (
    <Card variant="outlined"><CardContent>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>{t('profile.password')}</Typography>
      <Stack component="form" spacing={2} noValidate onSubmit={submit} aria-label={t('profile.password')}>
        {notice && <Alert severity={notice.ok ? 'success' : 'error'} role="status">{notice.text}</Alert>}
        <TextField label={t('profile.currentPassword')} type="password" autoComplete="current-password" {...register('currentPassword')}
          error={!!formState.errors.currentPassword} helperText={formState.errors.currentPassword?.message} />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField label={t('profile.newPassword')} type="password" autoComplete="new-password" {...register('newPassword')}
            sx={{ flex: 1 }} error={!!formState.errors.newPassword} helperText={formState.errors.newPassword?.message} />
          <TextField label={t('profile.repeatPassword')} type="password" autoComplete="new-password" {...register('repeat')}
            sx={{ flex: 1 }} error={!!formState.errors.repeat} helperText={formState.errors.repeat?.message} />
        </Stack>
        <Box>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting} data-testid="change-password">
            {t('profile.changePassword')}
          </Button>
        </Box>
      </Stack>
    </CardContent></Card>
  );
}

function SessionsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const sessions = useQuery({ queryKey: profileKeys.sessions, queryFn: profileApi.sessions });
  const [failure, setFailure] = useState<string | null>(null);
  const end = async (id: string) => {
    setFailure(null);
    try {
      await profileApi.endSession(id);
    } catch (error) {
      setFailure(formProblem(error, () => {}, t('common.error')));
    }
    void client.invalidateQueries({ queryKey: profileKeys.sessions });
  };
  return (
    <Card variant="outlined"><CardContent>
      <Typography variant="h6" component="h2">{t('profile.sessions')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{t('profile.sessionsHelp')}</Typography>
      {failure && <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert>}
      <TableContainer>
        <Table size="small" aria-label={t('profile.sessions')}>
          <TableHead><TableRow>
            <TableCell>{t('profile.device')}</TableCell>
            <TableCell>{t('profile.ip')}</TableCell>
            <TableCell>{t('profile.lastUsed')}</TableCell>
            <TableCell />
          </TableRow></TableHead>
          <TableBody>
            {(sessions.data ?? []).map((s) => (
              <TableRow key={s.id} data-testid={s.current ? 'session-current' : 'session'}>
                <TableCell sx={{ wordBreak: 'break-word' }}>
                  {s.userAgent || t('profile.unknownDevice')}
                  <Typography variant="caption" component="div" color="text.secondary">
                    {t('profile.started')}: {format.dateTime(s.startedAt)}
                  </Typography>
                </TableCell>
                <TableCell>{s.ip ?? '—'}</TableCell>
                <TableCell>{format.dateTime(s.lastUsedAt)}</TableCell>
                <TableCell align="right">
                  {s.current
                    ? <Chip size="small" color="primary" label={t('profile.thisSession')} />
                    : <Button size="small" color="error" onClick={() => void end(s.id)}>{t('profile.endSession')}</Button>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </CardContent></Card>
  );
}
