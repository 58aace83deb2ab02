import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { formatPhone } from './model';
import { simulatorApi, simulatorKeys } from './api';
import { AddPhoneDialog } from './SimulatorDialogs';
import { Phone } from './Phone';

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

  const channels = useQuery({ queryKey: simulatorKeys.channels, queryFn: simulatorApi.channels, retry: false });
  const channel = channels.data?.find((c) => c.id === channelId) ?? channels.data?.[0];
  const phones = useQuery({
    queryKey: simulatorKeys.phones(channel?.id),
    queryFn: () => simulatorApi.phones(channel!.id),
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
            void client.invalidateQueries({ queryKey: simulatorKeys.phones(channel.id) });
          }}
        />
      )}
    </Box>
  );
}
