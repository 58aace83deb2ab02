import AddIcon from '@mui/icons-material/Add';
import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import PlaceIcon from '@mui/icons-material/Place';
import SendIcon from '@mui/icons-material/Send';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Menu, MenuItem, Paper, Stack,
  TextField, Tooltip, Typography,
} from '@mui/material';
import { alpha, useTheme } from '@mui/material/styles';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, fetchBlob, upload } from '../api/client';
import { useFormat } from '../format';
import {
  bubble, formatPhone, normalizePhone, shouldReportRead, ticks, unread, type SimChannel, type SimMessage, type SimPhone,
} from './model';

const BASE = '/api/v1/simulator';

/**
 * The WhatsApp simulator: the tester picks a simulated channel and a customer's phone, sees what the platform
 * sent to it (text, buttons to tap, lists, templates) with its ticks, and writes as the phone (text, a photo, a
 * location). The thread is polled every second; while it is open, the platform's messages are reported read.
 */
export default function SimulatorPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [channelId, setChannelId] = useState('');
  const [phoneId, setPhoneId] = useState('');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const channels = useQuery({ queryKey: ['simulator-channels'], queryFn: () => api<SimChannel[]>(`${BASE}/channels`), retry: false });
  const channel = channels.data?.find((c) => c.id === channelId) ?? channels.data?.[0];
  const phones = useQuery({
    queryKey: ['simulator-phones', channel?.id],
    queryFn: () => api<SimPhone[]>(`${BASE}/channels/${channel!.id}/phones`),
    enabled: !!channel,
    refetchInterval: 5000,
  });
  const phone = phones.data?.find((p) => p.id === phoneId) ?? phones.data?.[0];

  if (channels.error instanceof ApiError && channels.error.status === 404) {
    return <Alert severity="info" sx={{ m: 2 }}>{t('simulator.off')}</Alert>;
  }

  return (
    <Box sx={{ maxWidth: 960, mx: 'auto' }}>
      <Typography variant="h4" component="h1" gutterBottom>{t('simulator.title')}</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>{t('simulator.intro')}</Typography>
      {channels.data && channels.data.length === 0 && <Alert severity="info">{t('simulator.noChannels')}</Alert>}
      {error && <Alert severity="error" onClose={() => setError(null)} sx={{ mb: 2 }}>{error}</Alert>}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField
          select label={t('simulator.channel')} value={channel?.id ?? ''} sx={{ minWidth: 240 }}
          onChange={(e) => { setChannelId(e.target.value); setPhoneId(''); }}
          slotProps={{ htmlInput: { 'aria-label': t('simulator.channel') } }}
        >
          {(channels.data ?? []).map((c) => (
            <MenuItem key={c.id} value={c.id}>{c.name}{c.displayPhone ? ` · ${c.displayPhone}` : ''}</MenuItem>
          ))}
        </TextField>
        <TextField
          select label={t('simulator.phone')} value={phone?.id ?? ''} sx={{ minWidth: 240 }} disabled={!channel}
          onChange={(e) => setPhoneId(e.target.value)}
          slotProps={{ htmlInput: { 'aria-label': t('simulator.phone') } }}
        >
          {(phones.data ?? []).map((p) => (
            <MenuItem key={p.id} value={p.id}>{p.profileName} · {formatPhone(p.phone)}</MenuItem>
          ))}
        </TextField>
        <Button startIcon={<AddIcon />} onClick={() => setAdding(true)} disabled={!channel} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>{t('simulator.addPhone')}</Button>
      </Stack>
      {channel && phone && <Phone key={phone.id} phone={phone} onError={setError} />}
      {channel && adding && (
        <AddPhoneDialog
          channelId={channel.id}
          onClose={() => setAdding(false)}
          onAdded={(p) => {
            setAdding(false);
            setPhoneId(p.id);
            void client.invalidateQueries({ queryKey: ['simulator-phones', channel.id] });
          }}
        />
      )}
    </Box>
  );
}

function Phone({ phone, onError }: { phone: SimPhone; onError: (message: string) => void }) {
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
    queryKey: ['simulator-thread', phone.id],
    queryFn: () => api<SimMessage[]>(`${BASE}/phones/${phone.id}/messages`),
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
    void api(`${BASE}/phones/${phone.id}/read`, { method: 'POST' }).catch(() => undefined);
  }, [messages, phone.id]);

  const refresh = () => client.invalidateQueries({ queryKey: ['simulator-thread', phone.id] });
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      await refresh();
    } catch (e) {
      onError(e instanceof ApiError ? (e.detail ?? e.title) : t('common.error'));
    } finally {
      setBusy(false);
    }
  };
  const send = (body: Record<string, unknown>) => run(() => api(`${BASE}/phones/${phone.id}/messages`, { method: 'POST', body }));
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
    void run(() => upload(`${BASE}/phones/${phone.id}/images`, form));
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

function ListBubble({ text, button, rows, disabled, onPick }: {
  text: string; button: string; rows: { id: string; title: string; description?: string }[]; disabled: boolean;
  onPick: (id: string) => void;
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{text}</Typography>
      <Button size="small" variant="outlined" fullWidth sx={{ mt: 1 }} disabled={disabled} onClick={(e) => setAnchor(e.currentTarget)}>
        {button}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {rows.map((r) => (
          <MenuItem key={r.id} onClick={() => { setAnchor(null); onPick(r.id); }}>
            <Box>
              <Typography variant="body2">{r.title}</Typography>
              {r.description && <Typography variant="caption" color="text.secondary">{r.description}</Typography>}
            </Box>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

/** A photo the phone sent, fetched with the session's token (an <img> cannot send it). */
function PhoneImage({ phoneId, messageId, alt }: { phoneId: string; messageId: string; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let revoked = false;
    let objectUrl: string | null = null;
    void fetchBlob(`${BASE}/phones/${phoneId}/messages/${messageId}/media`).then((blob) => {
      if (revoked || !blob) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [phoneId, messageId]);
  return url ? <Box component="img" src={url} alt={alt} sx={{ maxWidth: '100%', maxHeight: 240, borderRadius: 1, display: 'block' }} />
    : <Typography variant="body2">📷</Typography>;
}

function AddPhoneDialog({ channelId, onClose, onAdded }: { channelId: string; onClose: () => void; onAdded: (p: SimPhone) => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('+502 ');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const e164 = normalizePhone(phone);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!e164 || !name.trim()) return;
    try {
      onAdded(await api<SimPhone>(`${BASE}/channels/${channelId}/phones`, { method: 'POST', body: { phone: e164, profileName: name.trim() } }));
    } catch (err) {
      setError(err instanceof ApiError ? (err.detail ?? err.title) : t('common.error'));
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <form onSubmit={save}>
        <DialogTitle>{t('simulator.addPhone')}</DialogTitle>
        <DialogContent>
          {error && <Alert severity="error" sx={{ mb: 2 }}>{error}</Alert>}
          <TextField autoFocus fullWidth margin="dense" label={t('simulator.newPhone')} value={phone}
            onChange={(e) => setPhone(e.target.value)} error={phone.trim().length > 5 && !e164}
            helperText={t('validation.phone')} />
          <TextField fullWidth margin="dense" label={t('simulator.profileName')} value={name}
            onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { maxLength: 80 } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!e164 || !name.trim()}>{t('common.create')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function LocationDialog({ onClose, onSend }: {
  onClose: () => void; onSend: (l: { latitude: number; longitude: number; name?: string; address?: string }) => void;
}) {
  const { t } = useTranslation();
  // Antigua Guatemala, Parque Central: a place the demo's customers know
  const [latitude, setLatitude] = useState('14.5573');
  const [longitude, setLongitude] = useState('-90.7337');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const lat = Number(latitude);
  const lng = Number(longitude);
  const valid = latitude.trim() !== '' && longitude.trim() !== '' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <form onSubmit={(e) => { e.preventDefault(); if (valid) onSend({ latitude: lat, longitude: lng,
        ...(name.trim() ? { name: name.trim() } : {}), ...(address.trim() ? { address: address.trim() } : {}) }); }}>
        <DialogTitle>{t('simulator.sendLocation')}</DialogTitle>
        <DialogContent>
          <Stack direction="row" spacing={1}>
            <TextField margin="dense" label={t('simulator.latitude')} value={latitude} onChange={(e) => setLatitude(e.target.value)}
              error={Math.abs(lat) > 90 || Number.isNaN(lat)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
            <TextField margin="dense" label={t('simulator.longitude')} value={longitude} onChange={(e) => setLongitude(e.target.value)}
              error={Math.abs(lng) > 180 || Number.isNaN(lng)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
          </Stack>
          <TextField fullWidth margin="dense" label={t('simulator.placeName')} value={name} onChange={(e) => setName(e.target.value)} />
          <TextField fullWidth margin="dense" label={t('simulator.address')} value={address} onChange={(e) => setAddress(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!valid}>{t('simulator.send')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
