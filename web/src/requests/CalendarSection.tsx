import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert, Box, Button, Chip, FormControlLabel, IconButton, MenuItem, Stack, Switch, TextField, Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { settingsBody } from './settings';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/client';
import { WEEKDAYS, type Settings } from './types';
import { Section } from '../ui/Section';
import { DateInput, TimeInput } from '../ui/DateInputs';
import { requestKeys, requestSettingsApi, useRequestSettings } from './api';

/** The time zones offered for the working calendar. */
const ZONES = ['America/Guatemala', 'America/El_Salvador', 'America/Tegucigalpa', 'America/Managua', 'America/Costa_Rica',
  'America/Mexico_City', 'America/Panama', 'UTC'];

export function CalendarSection({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useRequestSettings();
  const [draft, setDraft] = useState<Settings | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => { if (settings.data) setDraft(structuredClone(settings.data)); }, [settings.data]);
  const save = useMutation({
    mutationFn: (s: Settings) => requestSettingsApi.save(s),
    onSuccess: (s) => { setFailure(null); client.setQueryData(requestKeys.settings, s); onSaved(); },
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  if (!draft) return null;
  const update = (f: (s: Settings) => void) => setDraft((d) => { const copy = structuredClone(d!); f(copy); return copy; });
  const zones = ZONES.includes(draft.timeZone) ? ZONES : [draft.timeZone, ...ZONES];
  return (
    <Section headerGap={2} title={t('servicerequests.calendar')}>
      <Stack spacing={2}>
        {failure && <Alert severity="error">{failure}</Alert>}
        <FormControlLabel label={t('servicerequests.approvalRequired')} control={
          <Switch checked={draft.approvalRequired} onChange={(e) => update((s) => { s.approvalRequired = e.target.checked; })}
            data-testid="approval-required" />} />
        <TextField select label={t('servicerequests.timeZone')} value={draft.timeZone} sx={{ maxWidth: 320 }}
          onChange={(e) => update((s) => { s.timeZone = e.target.value; })}>
          {zones.map((z) => <MenuItem key={z} value={z}>{z}</MenuItem>)}
        </TextField>
        <Typography variant="subtitle1" component="h3">{t('servicerequests.week')}</Typography>
        {WEEKDAYS.map((day) => {
          const dayName = t(`servicerequests.weekdays.${day}`);
          const windows = draft.week[day] ?? [];
          return (
            <Stack key={day} direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'center' } }}
              role="group" aria-label={dayName}>
              <Typography sx={{ width: 110, fontWeight: 500 }}>{dayName}</Typography>
              {windows.length === 0 && <Chip size="small" label={t('servicerequests.closedDay')} sx={{ alignSelf: { xs: 'flex-start', md: 'center' } }} />}
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
                {windows.map((w, i) => (
                  <Stack key={i} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                    <TimeInput size="small" label={`${t('servicerequests.start')} ${i + 1}`} value={w[0]} sx={{ width: 150 }}
                      onChange={(v) => update((s) => { s.week[day][i][0] = v; })} />
                    <TimeInput size="small" label={`${t('servicerequests.end')} ${i + 1}`} value={w[1]} sx={{ width: 150 }}
                      onChange={(v) => update((s) => { s.week[day][i][1] = v; })} />
                    <IconButton size="small" aria-label={t('servicerequests.removeWindow', { n: i + 1, day: dayName })}
                      onClick={() => update((s) => { s.week[day].splice(i, 1); })}><DeleteIcon fontSize="small" /></IconButton>
                  </Stack>
                ))}
              </Stack>
              <IconButton size="small" aria-label={t('servicerequests.addWindow', { day: dayName })} disabled={windows.length >= 6}
                onClick={() => update((s) => { s.week[day] = [...(s.week[day] ?? []), windows.length ? ['13:00', '17:00'] : ['08:00', '12:00']]; })}>
                <AddIcon fontSize="small" />
              </IconButton>
            </Stack>
          );
        })}
        <Typography variant="subtitle1" component="h3">{t('servicerequests.holidays')}</Typography>
        {draft.holidays.map((h, i) => (
          <Stack key={i} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
            <DateInput size="small" label={t('servicerequests.holidayDay')} value={h.day}
              onChange={(v) => update((s) => { s.holidays[i].day = v; })} />
            <TextField size="small" label={t('servicerequests.holidayName')} value={h.name} sx={{ flex: 1, maxWidth: 400 }}
              slotProps={{ htmlInput: { maxLength: 100 } }} onChange={(e) => update((s) => { s.holidays[i].name = e.target.value; })} />
            <IconButton size="small" aria-label={t('servicerequests.removeHoliday', { n: i + 1 })}
              onClick={() => update((s) => { s.holidays.splice(i, 1); })}><DeleteIcon fontSize="small" /></IconButton>
          </Stack>
        ))}
        <Box>
          <Button startIcon={<AddIcon />} onClick={() => update((s) => { s.holidays.push({ day: '', name: '' }); })}>
            {t('servicerequests.addHoliday')}
          </Button>
        </Box>
        <Box>
          <Button variant="contained" startIcon={<SaveIcon />} disabled={save.isPending} data-testid="save-settings"
            onClick={() => save.mutate(settingsBody(draft))}>
            {t('servicerequests.saveSettings')}
          </Button>
        </Box>
      </Stack>
    </Section>
  );
}
