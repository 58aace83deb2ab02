import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert, Autocomplete, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel,
  FormGroup, FormLabel, MenuItem, Stack, TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formProblem } from '../api/formProblem';
import { useAuth } from '../auth/AuthContext';
import { formatPhone, isPhone } from '../format';
import { useCan } from '../shell/can';
import { adminApi, adminKeys, usePermissions, useRoles, useUser, type UserView } from './api';
import { InvitationNotice } from './InvitationNotice';
import { FormField } from '../ui/FormField';

export const TIME_ZONES = ['America/Guatemala', 'America/El_Salvador', 'America/Tegucigalpa', 'America/Managua',
  'America/Costa_Rica', 'America/Mexico_City', 'UTC'];

export function UserDialog({ userId, onClose }: { userId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const can = useCan();
  const country = me?.tenant.country ?? 'GT';
  const client = useQueryClient();
  // an invitation just sent (or not): the dialog stays open to say so, with the link when the email did not leave
  const [invited, setInvited] = useState<UserView | null>(null);
  const creating = userId === null;
  const editable = creating ? can('users:create') : can('users:edit');
  const [failure, setFailure] = useState<string | null>(null);
  const roles = useRoles(can('roles:view'));
  const catalog = usePermissions(can('roles:view'));
  const user = useUser(userId);

  const schema = z.object({
    email: z.string().email(t('validation.email')),
    fullName: z.string().trim().min(1, t('validation.required')).max(120),
    phone: z.string().max(30).refine((v) => isPhone(v, country), t('validation.phoneLocal')),
    language: z.enum(['es', 'en']),
    timeZone: z.string().min(1, t('validation.required')),
    password: z.string().refine((v) => v === '' || v.length >= 10, t('validation.min', { count: 10 })),
    status: z.string(),
    roleIds: z.array(z.string()),
    grants: z.array(z.string()),
    revocations: z.array(z.string()),
  });
  type Form = z.infer<typeof schema>;
  const form = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { email: '', fullName: '', phone: '', language: 'es', timeZone: 'America/Guatemala', password: '',
      status: 'ACTIVE', roleIds: [], grants: [], revocations: [] },
  });

  useEffect(() => {
    const u = user.data;
    if (!u) return;
    form.reset({
      email: u.email, fullName: u.fullName, phone: formatPhone(u.phone), language: u.language, timeZone: u.timeZone, password: '',
      status: u.status, roleIds: u.roles.map((r) => r.id),
      grants: Object.entries(u.permissionOverrides).filter(([, e]) => e === 'GRANT').map(([p]) => p),
      revocations: Object.entries(u.permissionOverrides).filter(([, e]) => e === 'REVOKE').map(([p]) => p),
    });
  }, [user.data, form]);

  const save = useMutation({
    mutationFn: async (f: Form) => {
      const phone = f.phone || undefined;
      if (creating) {
        return adminApi.createUser({ email: f.email, fullName: f.fullName, phone,
          language: f.language, timeZone: f.timeZone, password: f.password || undefined, roleIds: f.roleIds });
      }
      await adminApi.updateUser(userId, { fullName: f.fullName, phone, language: f.language,
        timeZone: f.timeZone, status: f.status });
      await adminApi.setUserRoles(userId, f.roleIds);
      return adminApi.setUserPermissions(userId, { grants: f.grants, revocations: f.revocations });
    },
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: adminKeys.users });
      void client.invalidateQueries({ queryKey: adminKeys.user(userId) });
      if (creating && result && (result as UserView).invitationSent === false) setInvited(result as UserView);
      else onClose();
    },
    onError: (error) => {
      setFailure(formProblem(error, form.setError, t('common.error')));
    },
  });

  const allPermissions = Object.entries(catalog.data ?? {}).flatMap(([m, actions]) => actions.map((a) => `${m}:${a}`));
  const { control } = form;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="user-dialog-title">
      <DialogTitle id="user-dialog-title">{creating ? t('users.new') : user.data?.fullName ?? t('common.loading')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="user-form" spacing={2} sx={{ pt: 1 }} noValidate
          onSubmit={form.handleSubmit((f) => save.mutate(f))}>
          {failure && <Alert severity="error">{failure}</Alert>}
          {(invited ?? user.data) && <InvitationNotice user={(invited ?? user.data)!} onChange={setInvited} />}
          <FormField control={control} name="email" label={t('users.email')} type="email" disabled={!creating} />
          <FormField control={control} name="fullName" label={t('users.fullName')} disabled={!editable} />
          <FormField control={control} name="phone" label={t('users.phone')} disabled={!editable} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <Controller control={control} name="language" render={({ field }) => (
              <TextField select label={t('users.language')} {...field} disabled={!editable} sx={{ flex: 1 }}>
                <MenuItem value="es">{t('shell.spanish')}</MenuItem>
                <MenuItem value="en">{t('shell.english')}</MenuItem>
              </TextField>
            )} />
            <Controller control={control} name="timeZone" render={({ field }) => (
              <TextField select label={t('users.timeZone')} {...field} disabled={!editable} sx={{ flex: 1 }}>
                {TIME_ZONES.map((z) => <MenuItem key={z} value={z}>{z}</MenuItem>)}
              </TextField>
            )} />
          </Stack>
          {creating ? (
            <FormField control={control} name="password" label={t('users.password')} type="password" autoComplete="new-password" />
          ) : (
            <Controller control={control} name="status" render={({ field }) => (
              <TextField select label={t('users.status')} {...field} disabled={!editable}>
                {(['ACTIVE', 'INACTIVE', 'SUSPENDED', 'BLOCKED'] as const).map((s) => (
                  <MenuItem key={s} value={s}>{t(`users.statuses.${s}`)}</MenuItem>
                ))}
              </TextField>
            )} />
          )}
          {roles.data && (
            <Controller control={control} name="roleIds" render={({ field }) => (
              <FormGroup>
                <FormLabel component="legend">{t('users.roles')}</FormLabel>
                {roles.data.map((r) => (
                  <FormControlLabel key={r.id} label={r.name} control={
                    <Checkbox disabled={!editable} checked={field.value.includes(r.id)} slotProps={{ input: { 'aria-label': r.name } as object }}
                      onChange={(e) => field.onChange(e.target.checked ? [...field.value, r.id] : field.value.filter((x) => x !== r.id))} />
                  } />
                ))}
              </FormGroup>
            )} />
          )}
          {!creating && catalog.data && (['grants', 'revocations'] as const).map((name) => (
            <Controller key={name} control={control} name={name} render={({ field }) => (
              <Autocomplete multiple options={allPermissions} value={field.value} disabled={!editable}
                onChange={(_, v) => field.onChange(v)}
                renderInput={(params) => <TextField {...params} label={`${t('users.permissions')}: ${t(`users.${name}`)}`} />} />
            )} />
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{invited && creating ? t('common.close') : t('common.cancel')}</Button>
        {editable && !(invited && creating) && (
          <Button type="submit" form="user-form" variant="contained" disabled={save.isPending} data-testid="save-user">
            {creating ? t('common.create') : t('common.save')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
