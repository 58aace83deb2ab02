import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/client';
import { normalizePhone, type SimPhone } from './model';
import { simulatorApi } from './api';

export function AddPhoneDialog({ channelId, onClose, onAdded }: { channelId: string; onClose: () => void; onAdded: (p: SimPhone) => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('+502 ');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const e164 = normalizePhone(phone);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!e164 || !name.trim()) return;
    try {
      onAdded(await simulatorApi.addPhone(channelId, { phone: e164, profileName: name.trim() }));
    } catch (err) {
      setError(problemMessage(err, t('common.error')));
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

export function LocationDialog({ onClose, onSend }: {
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
