import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Paper, Stack, Tab, Tabs, TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LIMITS, buttonsMessage, buttonsProblems, listMessage, listProblems, problemOf, rowCount,
  type ButtonsDraft, type ListDraft, type ListSectionDraft, type Problem,
} from './interactive';
import type { Outgoing } from './types';

const emptyRow = () => ({ title: '', description: '' });

/** A text field that shows how much of WhatsApp's limit is used while typing, and why its value cannot go. */
function Limited({ label, value, max, problems, field, multiline, onChange, testId }: {
  label: string; value: string; max: number; problems: Problem[]; field: string; multiline?: boolean;
  onChange(value: string): void; testId?: string;
}) {
  const { t } = useTranslation();
  const problem = problemOf(problems, field);
  // an empty field the agent has not reached yet is not an error; too long or repeated is, at once
  const shown = problem && problem.rule !== 'required' ? problem : undefined;
  return (
    <TextField size="small" fullWidth label={label} value={value} multiline={multiline} maxRows={multiline ? 6 : undefined}
      onChange={(e) => onChange(e.target.value)} error={!!shown}
      helperText={`${shown ? `${t(`inbox.interactive.rules.${shown.rule}`, { max })} · ` : ''}${value.length}/${max}`}
      slotProps={{ htmlInput: { 'data-testid': testId } }} />
  );
}

/** Writes a message with reply buttons (up to 3) or a list (sections of rows), within WhatsApp's limits. */
export function InteractiveDialog({ sending, failure, onClose, onSend }: {
  sending: boolean; failure: string | null; onClose(): void; onSend(message: Outgoing): void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'buttons' | 'list'>('buttons');
  const [text, setText] = useState('');
  const [buttons, setButtons] = useState<string[]>(['', '']);
  const [listButton, setListButton] = useState('');
  const [sections, setSections] = useState<ListSectionDraft[]>([{ title: '', rows: [emptyRow()] }]);
  const buttonsDraft: ButtonsDraft = { text, buttons };
  const listDraft: ListDraft = { text, button: listButton, sections };
  const problems = kind === 'buttons' ? buttonsProblems(buttonsDraft) : listProblems(listDraft);
  const rows = rowCount(listDraft);
  const setSection = (i: number, change: (s: ListSectionDraft) => ListSectionDraft) =>
    setSections(sections.map((s, j) => (j === i ? change(s) : s)));

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="interactive-title">
      <DialogTitle id="interactive-title">{t('inbox.interactive.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          {failure && <Alert severity="error">{failure}</Alert>}
          <Tabs value={kind} onChange={(_, v) => setKind(v)} aria-label={t('inbox.interactive.title')}>
            <Tab value="buttons" label={t('inbox.types.buttons')} data-testid="interactive-buttons" />
            <Tab value="list" label={t('inbox.types.list')} data-testid="interactive-list" />
          </Tabs>
          <Limited label={t('inbox.interactive.text')} value={text} max={LIMITS.text} problems={problems} field="text"
            multiline onChange={setText} testId="interactive-text" />
          {kind === 'buttons' ? (
            <>
              {buttons.map((title, i) => (
                <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                  <Limited label={t('inbox.interactive.button', { n: i + 1 })} value={title} max={LIMITS.buttonTitle}
                    problems={problems} field={`buttons.${i}`} testId={`button-${i}`}
                    onChange={(v) => setButtons(buttons.map((b, j) => (j === i ? v : b)))} />
                  <IconButton aria-label={t('inbox.interactive.remove')} disabled={buttons.length <= 1}
                    onClick={() => setButtons(buttons.filter((_, j) => j !== i))}><DeleteIcon /></IconButton>
                </Stack>
              ))}
              <Box>
                <Button onClick={() => setButtons([...buttons, ''])} disabled={buttons.length >= LIMITS.buttons}>
                  {t('inbox.interactive.addButton')}
                </Button>
                <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }} data-testid="buttons-count">
                  {t('inbox.interactive.buttonsCount', { count: buttons.length, max: LIMITS.buttons })}
                </Typography>
              </Box>
            </>
          ) : (
            <>
              <Limited label={t('inbox.interactive.listButton')} value={listButton} max={LIMITS.listButton} problems={problems}
                field="button" onChange={setListButton} testId="list-button" />
              {sections.map((s, i) => (
                <Paper key={i} variant="outlined" sx={{ p: 1.5 }}>
                  <Stack spacing={1.5}>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                      <Limited label={t(sections.length > 1 ? 'inbox.interactive.sectionTitleRequired' : 'inbox.interactive.sectionTitle',
                        { n: i + 1 })} value={s.title} max={LIMITS.sectionTitle} problems={problems}
                        field={`sections.${i}.title`} testId={`section-${i}-title`}
                        onChange={(v) => setSection(i, (x) => ({ ...x, title: v }))} />
                      <IconButton aria-label={t('inbox.interactive.removeSection')} disabled={sections.length <= 1}
                        onClick={() => setSections(sections.filter((_, j) => j !== i))}><DeleteIcon /></IconButton>
                    </Stack>
                    {s.rows.map((r, j) => (
                      <Stack key={j} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: 'flex-start' }}>
                        <Limited label={t('inbox.interactive.row', { n: j + 1 })} value={r.title} max={LIMITS.rowTitle}
                          problems={problems} field={`sections.${i}.rows.${j}.title`} testId={`row-${i}-${j}-title`}
                          onChange={(v) => setSection(i, (x) => ({ ...x, rows: x.rows.map((y, k) => (k === j ? { ...y, title: v } : y)) }))} />
                        <Limited label={t('inbox.interactive.rowDescription')} value={r.description} max={LIMITS.rowDescription}
                          problems={problems} field={`sections.${i}.rows.${j}.description`} testId={`row-${i}-${j}-description`}
                          onChange={(v) => setSection(i, (x) => ({ ...x, rows: x.rows.map((y, k) => (k === j ? { ...y, description: v } : y)) }))} />
                        <IconButton aria-label={t('inbox.interactive.remove')} disabled={s.rows.length <= 1}
                          onClick={() => setSection(i, (x) => ({ ...x, rows: x.rows.filter((_, k) => k !== j) }))}><DeleteIcon /></IconButton>
                      </Stack>
                    ))}
                    <Button size="small" sx={{ alignSelf: 'flex-start' }} disabled={rows >= LIMITS.rows}
                      onClick={() => setSection(i, (x) => ({ ...x, rows: [...x.rows, emptyRow()] }))}>
                      {t('inbox.interactive.addRow')}
                    </Button>
                  </Stack>
                </Paper>
              ))}
              <Box>
                <Button onClick={() => setSections([...sections, { title: '', rows: [emptyRow()] }])}
                  disabled={sections.length >= LIMITS.sections || rows >= LIMITS.rows}>
                  {t('inbox.interactive.addSection')}
                </Button>
                <Typography variant="caption" color={rows > LIMITS.rows ? 'error' : 'text.secondary'} sx={{ ml: 1 }} data-testid="rows-count">
                  {t('inbox.interactive.rowsCount', { count: rows, max: LIMITS.rows })}
                </Typography>
              </Box>
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={problems.length > 0 || sending} data-testid="send-interactive"
          onClick={() => onSend(kind === 'buttons' ? buttonsMessage(buttonsDraft) : listMessage(listDraft))}>
          {t('inbox.send')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
