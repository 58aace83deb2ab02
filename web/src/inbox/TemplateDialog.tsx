import {
  Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, ListItemText, MenuItem, Paper, Stack,
  TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTemplates } from './api';
import { fillTemplate } from './model';
import type { Template } from './types';

/** Picks an approved template (or names one, before the templates list is available) and fills its parameters. */
export function TemplateDialog({ channelId, sending, failure, onClose, onSend }: {
  channelId: string; sending: boolean; failure: string | null; onClose(): void;
  onSend(name: string, language: string, parameters: string[]): void;
}) {
  const { t } = useTranslation();
  const templates = useTemplates(channelId, true);
  const approved = (templates.data ?? []).filter((x) => !x.status || x.status.toUpperCase() === 'APPROVED');
  const [chosen, setChosen] = useState<Template | null>(null);
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('es');
  const [parameters, setParameters] = useState<string[]>([]);
  const manual = !templates.isLoading && approved.length === 0;
  const count = chosen ? chosen.parameterCount : parameters.length;
  const ready = (chosen ? true : /^[a-z0-9_]{1,512}$/.test(name)) && parameters.slice(0, count).every((p) => p.trim());

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="template-title">
      <DialogTitle id="template-title">{t('inbox.templates.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {failure && <Alert severity="error">{failure}</Alert>}
          {manual ? (
            <>
              <Typography variant="body2" color="text.secondary">{t('inbox.templates.manual')}</Typography>
              <TextField label={t('inbox.templates.name')} value={name} onChange={(e) => setName(e.target.value.trim())}
                slotProps={{ htmlInput: { 'data-testid': 'template-name' } }} />
              <TextField label={t('inbox.templates.language')} value={language} onChange={(e) => setLanguage(e.target.value.trim())} />
              <Button onClick={() => setParameters([...parameters, ''])} disabled={parameters.length >= 20} sx={{ alignSelf: 'flex-start' }}>
                {t('inbox.templates.addParameter')}
              </Button>
            </>
          ) : (
            <TextField select label={t('inbox.templates.pick')} value={chosen ? `${chosen.name}|${chosen.language}` : ''}
              onChange={(e) => {
                const next = approved.find((x) => `${x.name}|${x.language}` === e.target.value) ?? null;
                setChosen(next);
                setParameters(Array.from({ length: next?.parameterCount ?? 0 }, () => ''));
              }}>
              {approved.map((x) => (
                <MenuItem key={`${x.name}|${x.language}`} value={`${x.name}|${x.language}`}>
                  <ListItemText primary={`${x.name} (${x.language})`} secondary={x.body} slotProps={{ secondary: { noWrap: true } }} />
                </MenuItem>
              ))}
            </TextField>
          )}
          {parameters.map((p, i) => (
            <TextField key={i} label={t('inbox.templates.parameter', { n: i + 1 })} value={p}
              onChange={(e) => setParameters(parameters.map((x, j) => (j === i ? e.target.value : x)))} />
          ))}
          {chosen && (
            <Paper variant="outlined" sx={{ p: 1.5, whiteSpace: 'pre-wrap' }} data-testid="template-preview">
              {fillTemplate(chosen.body, parameters)}
            </Paper>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={!ready || sending} data-testid="send-template"
          onClick={() => onSend(chosen?.name ?? name, chosen?.language ?? language, parameters.map((p) => p.trim()))}>
          {t('inbox.send')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
