import { zodResolver } from '@hookform/resolvers/zod';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert, Button, Card, CardActions, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, IconButton,
  InputAdornment, MenuItem, Stack, Switch, TextField, Tooltip, Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { problemMessage } from '../api/client';
import { inboxSettingsApi } from './calls';
import { useAuth } from '../auth/AuthContext';
import { showProblem } from '../customers/model';
import { useChannels, useTeams } from './api';
import type { Channel } from './types';
import type { Translate } from '../translate';

const webhookUrl = () => `${window.location.origin}/webhooks/whatsapp`;

function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <TextField label={label} value={value} fullWidth size="small"
      slotProps={{
        htmlInput: { readOnly: true, 'data-testid': testId },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <Tooltip title={copied ? t('inbox.channels.copied') : t('inbox.channels.copy')}>
                <IconButton aria-label={`${t('inbox.channels.copy')}: ${label}`} edge="end"
                  onClick={() => void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => undefined)}>
                  <ContentCopyIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </InputAdornment>
          ),
        },
      }} />
  );
}

/** The tenant's messaging channels: connect WhatsApp numbers, rotate secrets, and the webhook to give Meta. */
export default function ChannelsPage() {
  const { t } = useTranslation();
  const channels = useChannels();
  const teams = useTeams();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>{t('inbox.channels.title')}</Typography>
        <Button variant="contained" onClick={() => setEditing('new')} data-testid="new-channel">{t('inbox.channels.new')}</Button>
      </Stack>
      <Alert severity="info">
        <Typography variant="subtitle2" component="h2">{t('inbox.channels.webhook')}</Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>{t('inbox.channels.webhookSteps')}</Typography>
        <CopyField label={t('inbox.channels.callbackUrl')} value={webhookUrl()} testId="webhook-url" />
      </Alert>
      {channels.isError && <Alert severity="error">{problemMessage(channels.error, t('common.error'))}</Alert>}
      {channels.data?.length === 0 && <Typography color="text.secondary">{t('inbox.channels.none')}</Typography>}
      {(channels.data ?? []).map((c) => (
        <Card key={c.id} variant="outlined" data-testid={`channel-${c.phoneNumberId}`}>
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
              <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>{c.name}</Typography>
              {c.simulated && <Chip size="small" color="info" label={t('inbox.channels.simulatedChip')} />}
              <Chip size="small" color={c.active ? 'success' : 'default'} label={t(c.active ? 'inbox.channels.active' : 'inbox.channels.inactive')} />
            </Stack>
            <Typography variant="body2">{c.displayPhone ?? '—'} · {t('inbox.channels.phoneNumberId')}: {c.phoneNumberId}</Typography>
            {c.wabaId && <Typography variant="body2">{t('inbox.channels.wabaId')}: {c.wabaId}</Typography>}
            <Typography variant="body2" color="text.secondary">
              {t('inbox.channels.accessToken')}: {c.accessTokenHint ?? '—'} · {t('inbox.channels.appSecret')}: {c.appSecretHint ?? '—'} ·{' '}
              {t('inbox.channels.verifyToken')}: {c.verifyTokenHint ?? '—'}
            </Typography>
            {c.assignment && (
              <Typography variant="body2">
                {t('inbox.channels.assignment')}: {t(`inbox.channels.modes.${c.assignment.mode}`)}
                {c.assignment.teamId ? ` · ${teams.data?.find((x) => x.id === c.assignment!.teamId)?.name ?? ''}` : ''}
              </Typography>
            )}
          </CardContent>
          <CardActions>
            <Button onClick={() => setEditing(c)} aria-label={`${t('common.edit')} ${c.name}`}>{t('common.edit')}</Button>
          </CardActions>
        </Card>
      ))}
      {editing && (
        <ChannelDialog channel={editing === 'new' ? undefined : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void client.invalidateQueries({ queryKey: ['inbox', 'channels'] });
          }} />
      )}
    </Stack>
  );
}

function channelSchema(t: Translate, creating: boolean) {
  // required when connecting; on edit, empty keeps the stored secret
  const secret = (min: number) => z.string().trim().refine((v) => (v === '' ? !creating : v.length >= min),
    { message: t('inbox.channels.secretMin', { count: min }) });
  return z.object({
    name: z.string().trim().min(1, t('validation.required')).max(100),
    phoneNumberId: z.string().trim().regex(/^[0-9]{5,30}$/, t('inbox.channels.digits')),
    wabaId: z.string().trim().regex(/^([0-9]{5,30})?$/, t('inbox.channels.digits')),
    displayPhone: z.string().trim().max(30),
    accessToken: secret(10),
    appSecret: secret(8),
    verifyToken: secret(8),
    active: z.boolean(),
    simulated: z.boolean(),
    mode: z.enum(['MANUAL', 'ROUND_ROBIN']),
    teamId: z.string(),
  });
}
type ChannelForm = z.infer<ReturnType<typeof channelSchema>>;

/** Creates or edits a WhatsApp channel; secrets are write-only (their hint shows what is stored). */
function ChannelDialog({ channel, onClose }: { channel?: Channel; onClose(saved?: Channel): void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const simulating = can('inbox:simulate'); // only who may use the simulator marks a channel as simulated
  const teams = useTeams();
  const [failure, setFailure] = useState<string | null>(null);
  const [verifyToken, setVerifyToken] = useState<string | null>(null);
  const form = useForm<ChannelForm>({
    resolver: zodResolver(channelSchema(t, !channel)),
    defaultValues: {
      name: channel?.name ?? '', phoneNumberId: channel?.phoneNumberId ?? '', wabaId: channel?.wabaId ?? '',
      displayPhone: channel?.displayPhone ?? '', accessToken: '', appSecret: '', verifyToken: '', active: channel?.active ?? true,
      simulated: channel?.simulated ?? false,
      mode: channel?.assignment?.mode ?? 'MANUAL', teamId: channel?.assignment?.teamId ?? '',
    },
  });
  const { register, control, formState, watch } = form;

  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    const body: Record<string, unknown> = {
      name: f.name, phoneNumberId: f.phoneNumberId, wabaId: f.wabaId || null, displayPhone: f.displayPhone || null,
      accessToken: f.accessToken || null, appSecret: f.appSecret || null, verifyToken: f.verifyToken || null, active: f.active,
    };
    if (simulating) body.simulated = f.simulated; // otherwise left out: the server keeps what is stored
    body.assignment = { mode: f.mode, teamId: f.mode === 'ROUND_ROBIN' ? f.teamId || null : null };
    try {
      const saved = await inboxSettingsApi.saveWhatsApp(channel?.id, body);
      if (f.verifyToken) setVerifyToken(f.verifyToken);
      else onClose(saved);
    } catch (error) {
      setFailure(showProblem(error, ['name', 'phoneNumberId', 'wabaId', 'displayPhone', 'accessToken', 'appSecret', 'verifyToken'],
        form.setError));
    }
  });

  const hint = (h: string | null | undefined) => (channel && h ? t('inbox.channels.secretHint', { hint: h }) : undefined);
  const field = (name: 'name' | 'phoneNumberId' | 'wabaId' | 'displayPhone', label: string) => (
    <TextField label={label} {...register(name)} error={!!formState.errors[name]} helperText={formState.errors[name]?.message}
      slotProps={{ htmlInput: { 'data-testid': `channel-${name}` } }} />
  );
  const secret = (name: 'accessToken' | 'appSecret' | 'verifyToken', label: string, stored?: string | null) => (
    <TextField label={label} type="password" autoComplete="new-password" {...register(name)} error={!!formState.errors[name]}
      helperText={formState.errors[name]?.message ?? hint(stored)} slotProps={{ htmlInput: { 'data-testid': `channel-${name}` } }} />
  );

  if (verifyToken) {
    // the one moment the verify token is shown: right after the admin typed it, to copy into Meta
    return (
      <Dialog open onClose={() => onClose({} as Channel)} fullWidth maxWidth="sm" aria-labelledby="webhook-title">
        <DialogTitle id="webhook-title">{t('inbox.channels.webhook')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2">{t('inbox.channels.webhookSteps')}</Typography>
            <CopyField label={t('inbox.channels.callbackUrl')} value={webhookUrl()} />
            <CopyField label={t('inbox.channels.verifyToken')} value={verifyToken} testId="verify-token" />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => onClose({} as Channel)} data-testid="channel-done">{t('common.close')}</Button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="sm" aria-labelledby="channel-title">
      <DialogTitle id="channel-title">{t(channel ? 'inbox.channels.edit' : 'inbox.channels.new')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="channel-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error" data-testid="channel-error">{failure}</Alert>}
          {field('name', t('inbox.channels.name'))}
          {field('phoneNumberId', t('inbox.channels.phoneNumberId'))}
          {field('wabaId', t('inbox.channels.wabaId'))}
          {field('displayPhone', t('inbox.channels.displayPhone'))}
          <Typography variant="body2" color="text.secondary">{t('inbox.channels.secretsWriteOnly')}</Typography>
          {secret('accessToken', t('inbox.channels.accessToken'), channel?.accessTokenHint)}
          {secret('appSecret', t('inbox.channels.appSecret'), channel?.appSecretHint)}
          {secret('verifyToken', t('inbox.channels.verifyToken'), channel?.verifyTokenHint)}
          <Controller control={control} name="mode" render={({ field: f }) => (
            <TextField select label={t('inbox.channels.assignment')} {...f}>
              <MenuItem value="MANUAL">{t('inbox.channels.modes.MANUAL')}</MenuItem>
              <MenuItem value="ROUND_ROBIN">{t('inbox.channels.modes.ROUND_ROBIN')}</MenuItem>
            </TextField>
          )} />
          {watch('mode') === 'ROUND_ROBIN' && (
            <Controller control={control} name="teamId" render={({ field: f }) => (
              <TextField select label={t('inbox.channels.team')} {...f}>
                <MenuItem value="">{t('inbox.channels.anyTeam')}</MenuItem>
                {(teams.data ?? []).map((x) => <MenuItem key={x.id} value={x.id}>{x.name}</MenuItem>)}
              </TextField>
            )} />
          )}
          <Controller control={control} name="active" render={({ field: f }) => (
            <FormControlLabel control={<Switch checked={f.value} onChange={(e) => f.onChange(e.target.checked)} />}
              label={t('inbox.channels.active')} />
          )} />
          {simulating && (
            <Controller control={control} name="simulated" render={({ field: f }) => (
              <FormControlLabel control={<Switch checked={f.value} onChange={(e) => f.onChange(e.target.checked)} />}
                label={t('inbox.channels.simulated')} />
            )} />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button type="submit" form="channel-form" variant="contained" disabled={formState.isSubmitting} data-testid="save-channel">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
