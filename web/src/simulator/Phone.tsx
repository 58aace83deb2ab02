import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import PlaceIcon from '@mui/icons-material/Place';
import SendIcon from '@mui/icons-material/Send';
import { Box, Button, IconButton, Paper, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { alpha, useTheme } from '@mui/material/styles';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/client';
import { useFormat } from '../format';
import { bubble, formatPhone, shouldReportRead, ticks, unread, type SimPhone } from './model';
import { simulatorApi, simulatorKeys } from './api';
import { ListBubble, PhoneImage } from './PhoneParts';
import { LocationDialog } from './SimulatorDialogs';

export function Phone({ phone, onError }: { phone: SimPhone; onError: (message: string) => void }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [locating, setLocating] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const reported = useRef(new Set<string>());
  const thread = useQuery({
    queryKey: simulatorKeys.thread(phone.id),
    queryFn: () => simulatorApi.messages(phone.id),
    refetchInterval: 1000,
  });
  const messages = thread.data ?? [];
  const byWamid = new Map(messages.map((m) => [m.wamid, m]));

  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length]);

  // the thread is open: what the platform sent is read (once per message)
  useEffect(() => {
    if (!shouldReportRead(messages, reported.current, document.visibilityState === 'visible')) return;
    unread(messages).forEach((w) => reported.current.add(w));
    void simulatorApi.markRead(phone.id).catch(() => undefined);
  }, [messages, phone.id]);

  const refresh = () => client.invalidateQueries({ queryKey: simulatorKeys.thread(phone.id) });
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      await refresh();
    } catch (e) {
      onError(problemMessage(e, t('common.error')));
    } finally {
      setBusy(false);
    }
  };
  const send = (body: Record<string, unknown>) => run(() => simulatorApi.send(phone.id, body));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    const body = text;
    setText('');
    void send({ type: 'TEXT', text: body });
  };
  const photo = (file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    if (text.trim()) form.append('caption', text.trim());
    setText('');
    void run(() => simulatorApi.sendImage(phone.id, form));
  };

  const { time } = useFormat();
  const mine = theme.palette.mode === 'dark' ? '#005c4b' : '#d9fdd3';
  const theirs = theme.palette.mode === 'dark' ? '#202c33' : '#ffffff';

  return (
    <Paper
      variant="outlined"
      sx={{ maxWidth: 440, mx: 'auto', display: 'flex', flexDirection: 'column', height: { xs: 'calc(100vh - 260px)', sm: 620 },
        minHeight: 420, overflow: 'hidden', borderRadius: 3 }}
    >
      <Box sx={{ px: 2, py: 1.5, bgcolor: theme.palette.mode === 'dark' ? '#202c33' : '#008069', color: '#fff' }}>
        <Typography sx={{ fontWeight: 600 }}>{phone.profileName}</Typography>
        <Typography variant="body2" sx={{ opacity: 0.85 }}>{formatPhone(phone.phone)}</Typography>
      </Box>
      <Box
        component="ul" role="list" aria-label={t('simulator.thread')}
        sx={{ flex: 1, overflowY: 'auto', m: 0, p: 1.5, listStyle: 'none',
          bgcolor: theme.palette.mode === 'dark' ? '#0b141a' : '#efeae2', display: 'flex', flexDirection: 'column', gap: 0.75 }}
      >
        {messages.length === 0 && !thread.isLoading && (
          <Typography component="li" variant="body2" color="text.secondary" sx={{ textAlign: 'center', mt: 4 }}>
            {t('simulator.empty')}
          </Typography>
        )}
        {messages.map((m) => {
          const fromPhone = m.direction === 'IN';
          const b = bubble(m);
          const tick = ticks(m.status);
          const who = fromPhone ? t('simulator.fromPhone') : t('simulator.fromBusiness');
          return (
            <Box
              component="li" key={m.id} aria-label={`${who}: ${m.body ?? b.kind}`}
              sx={{ alignSelf: fromPhone ? 'flex-end' : 'flex-start', maxWidth: '85%', bgcolor: fromPhone ? mine : theirs,
                color: 'text.primary', borderRadius: 2, px: 1.25, py: 0.75, boxShadow: 1 }}
            >
              {b.kind === 'text' && <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{b.text}</Typography>}
              {b.kind === 'reply' && (
                <>
                  {b.replyTo && byWamid.get(b.replyTo) && (
                    <Typography variant="caption" component="div" sx={{ borderLeft: 3, borderColor: 'success.main', pl: 1, mb: 0.5, opacity: 0.8 }}>
                      {byWamid.get(b.replyTo)!.body}
                    </Typography>
                  )}
                  <Typography variant="body2">{b.text}</Typography>
                </>
              )}
              {b.kind === 'buttons' && (
                <>
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{b.text}</Typography>
                  <Stack spacing={0.5} sx={{ mt: 1 }}>
                    {b.buttons.map((o) => (
                      <Button key={o.id} size="small" variant="outlined" disabled={busy}
                        onClick={() => void send({ type: 'BUTTON_REPLY', replyTo: m.id, optionId: o.id })}>
                        {o.title}
                      </Button>
                    ))}
                  </Stack>
                </>
              )}
              {b.kind === 'list' && <ListBubble text={b.text} button={b.button} rows={b.rows} disabled={busy}
                onPick={(id) => void send({ type: 'LIST_REPLY', replyTo: m.id, optionId: id })} />}
              {b.kind === 'template' && (
                <Box>
                  <Typography variant="caption" color="text.secondary">{t('simulator.template', { name: b.name, language: b.language })}</Typography>
                  {b.parameters.length > 0 && <Typography variant="body2">{b.parameters.join(' · ')}</Typography>}
                </Box>
              )}
              {b.kind === 'image' && (
                <Box>
                  {m.mediaType ? <PhoneImage phoneId={phone.id} messageId={m.id} alt={b.caption ?? t('simulator.photo')} />
                    : <Typography variant="body2">📷 {t('simulator.photo')}</Typography>}
                  {b.caption && <Typography variant="body2">{b.caption}</Typography>}
                </Box>
              )}
              {b.kind === 'document' && (
                <Typography variant="body2">📄 {b.filename ?? t('simulator.document')}{b.caption ? ` · ${b.caption}` : ''}</Typography>
              )}
              {b.kind === 'location' && (
                <Typography variant="body2">📍 {b.label ?? ''} ({b.latitude.toFixed(4)}, {b.longitude.toFixed(4)})</Typography>
              )}
              {b.kind === 'other' && <Typography variant="body2" color="text.secondary">{t('simulator.other', { type: b.type })}</Typography>}
              <Typography variant="caption" component="div" sx={{ textAlign: 'right', opacity: 0.75 }}>
                {time(m.createdAt)}{' '}
                <Box component="span" aria-label={t(`simulator.status.${m.status}`)} title={t(`simulator.status.${m.status}`)}
                  sx={{ color: tick.read ? '#53bdeb' : tick.failed ? 'error.main' : 'inherit', fontWeight: 600 }}>
                  {tick.marks}
                </Box>
              </Typography>
            </Box>
          );
        })}
        <div ref={bottom} />
      </Box>
      <Box component="form" onSubmit={submit}
        sx={{ display: 'flex', alignItems: 'center', gap: 0.5, p: 1, borderTop: 1, borderColor: 'divider',
          bgcolor: alpha(theme.palette.background.paper, 0.9) }}>
        <Tooltip title={t('simulator.sendPhoto')}>
          <span>
            <IconButton aria-label={t('simulator.sendPhoto')} disabled={busy} onClick={() => fileInput.current?.click()}>
              <PhotoCameraIcon />
            </IconButton>
          </span>
        </Tooltip>
        <input ref={fileInput} type="file" accept="image/jpeg,image/png,image/webp" hidden
          onChange={(e) => { photo(e.target.files?.[0]); e.target.value = ''; }} />
        <Tooltip title={t('simulator.sendLocation')}>
          <span>
            <IconButton aria-label={t('simulator.sendLocation')} disabled={busy} onClick={() => setLocating(true)}>
              <PlaceIcon />
            </IconButton>
          </span>
        </Tooltip>
        <TextField
          size="small" fullWidth multiline maxRows={4} value={text} placeholder={t('simulator.message')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submit(e); } }}
          slotProps={{ htmlInput: { 'aria-label': t('simulator.message'), maxLength: 4096 } }}
        />
        <IconButton type="submit" color="primary" aria-label={t('simulator.send')} disabled={busy || !text.trim()}>
          <SendIcon />
        </IconButton>
      </Box>
      {locating && (
        <LocationDialog onClose={() => setLocating(false)}
          onSend={(location) => { setLocating(false); void send({ type: 'LOCATION', ...location }); }} />
      )}
    </Paper>
  );
}
