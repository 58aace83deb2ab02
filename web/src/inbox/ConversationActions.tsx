import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import LabelIcon from '@mui/icons-material/Label';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import ReplayIcon from '@mui/icons-material/Replay';
import SnoozeIcon from '@mui/icons-material/Snooze';
import {
  Alert, Autocomplete, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Divider, IconButton, ListItemText,
  ListSubheader, Menu, MenuItem, Snackbar, Stack, TextField, Tooltip,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/client';
import { inboxApi } from './calls';
import { useAuth } from '../auth/AuthContext';
import { inboxKeys, useAgents, useTeams } from './api';
import { PRIORITIES, type Conversation, type ConversationPriority } from './types';
import { useFormat, type Formatter } from '../format';
import { DateTimeInput } from '../ui/DateInputs';

/** In an hour, tomorrow at 08:00 and next Monday at 08:00, by the tenant's clocks. */
function snoozeChoices(format: Formatter, now = new Date()) {
  const hour = new Date(now.getTime() + 60 * 60 * 1000);
  const today = format.day(now);
  const tomorrow = new Date(format.at(format.plusDays(today, 1), '08:00'));
  const week = new Date(format.at(format.plusDays(today, (8 - format.weekday(today)) % 7 || 7), '08:00'));
  return { hour, tomorrow, week };
}

/** The conversation header's actions: status (resolve, snooze until…, reopen), assignment, labels and priority. */
export function ConversationActions({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const format = useFormat();
  const client = useQueryClient();
  const s = conversation.summary;
  const [snoozeMenu, setSnoozeMenu] = useState<HTMLElement | null>(null);
  const [customSnooze, setCustomSnooze] = useState<string | null>(null);
  const [assignMenu, setAssignMenu] = useState<HTMLElement | null>(null);
  const [labelsOpen, setLabelsOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const agents = useAgents();
  const teams = useTeams();

  const done = (updated: Conversation) => {
    client.setQueryData(inboxKeys.conversation(s.id), updated);
  };
  const status = useMutation({
    mutationFn: (body: { status: string; snoozedUntil?: string }) =>
      inboxApi.setStatus(s.id, body),
    onSuccess: done,
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  const assign = useMutation({
    mutationFn: (body: { assigneeId: string | null; teamId: string | null }) =>
      inboxApi.assign(s.id, body),
    onSuccess: done,
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  const snooze = (until: Date) => {
    setSnoozeMenu(null);
    setCustomSnooze(null);
    status.mutate({ status: 'SNOOZED', snoozedUntil: until.toISOString() });
  };
  const choices = snoozeChoices(format);
  const reply = can('inbox:reply');

  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Chip size="small" label={s.status === 'SNOOZED' && s.snoozedUntil
        ? t('inbox.snoozedUntil', { when: format.dateTime(s.snoozedUntil) }) : t(`inbox.state.${s.status}`)}
        data-testid="conversation-status" variant="outlined" />
      {s.priority !== 'NORMAL' && (
        <Chip size="small" color={s.priority === 'URGENT' ? 'error' : s.priority === 'HIGH' ? 'warning' : 'default'}
          label={t(`inbox.priorities.${s.priority}`)} />
      )}
      {reply && (s.status === 'RESOLVED' || s.status === 'SNOOZED' ? (
        <Button size="small" startIcon={<ReplayIcon />} onClick={() => status.mutate({ status: 'OPEN' })} data-testid="reopen">
          {t('inbox.reopen')}
        </Button>
      ) : (
        <Button size="small" variant="outlined" startIcon={<CheckCircleIcon />} onClick={() => status.mutate({ status: 'RESOLVED' })}
          data-testid="resolve">
          {t('inbox.resolve')}
        </Button>
      ))}
      {reply && s.status !== 'SNOOZED' && s.status !== 'RESOLVED' && (
        <Tooltip title={t('inbox.snooze')}>
          <IconButton size="small" aria-label={t('inbox.snooze')} onClick={(e) => setSnoozeMenu(e.currentTarget)}><SnoozeIcon /></IconButton>
        </Tooltip>
      )}
      <Menu anchorEl={snoozeMenu} open={!!snoozeMenu} onClose={() => setSnoozeMenu(null)}>
        <MenuItem onClick={() => snooze(choices.hour)}>{t('inbox.snoozeHour')}</MenuItem>
        <MenuItem onClick={() => snooze(choices.tomorrow)}>{t('inbox.snoozeTomorrow')}</MenuItem>
        <MenuItem onClick={() => snooze(choices.week)}>{t('inbox.snoozeWeek')}</MenuItem>
        <MenuItem onClick={() => { setSnoozeMenu(null); setCustomSnooze(choices.tomorrow.toISOString()); }}>{t('inbox.snoozeCustom')}</MenuItem>
      </Menu>
      {can('inbox:assign') && (
        <Tooltip title={t('inbox.assign')} describeChild>
          <Button size="small" startIcon={<PersonAddIcon />} onClick={(e) => setAssignMenu(e.currentTarget)} data-testid="assign">
            {[s.teamName, s.assigneeName].filter(Boolean).join(' · ') || t('inbox.unassigned')}
          </Button>
        </Tooltip>
      )}
      <Menu anchorEl={assignMenu} open={!!assignMenu} onClose={() => setAssignMenu(null)}>
        <MenuItem onClick={() => { setAssignMenu(null); assign.mutate({ assigneeId: me?.user.id ?? null, teamId: s.teamId ?? null }); }}>
          {t('inbox.assignToMe')}
        </MenuItem>
        <MenuItem onClick={() => { setAssignMenu(null); assign.mutate({ assigneeId: null, teamId: null }); }}>
          {t('inbox.unassign')}
        </MenuItem>
        <Divider />
        <ListSubheader>{t('inbox.agents')}</ListSubheader>
        {(agents.data ?? []).map((a) => (
          <MenuItem key={a.id} selected={a.id === s.assigneeId}
            onClick={() => { setAssignMenu(null); assign.mutate({ assigneeId: a.id, teamId: s.teamId ?? null }); }}>
            <ListItemText primary={a.name}
              secondary={a.status === 'UNKNOWN' ? undefined : `${t(`inbox.presence.${a.online ? 'ONLINE' : 'AWAY'}`)} · ${t('inbox.openCount', { count: a.openConversations })}`} />
          </MenuItem>
        ))}
        {(teams.data?.length ?? 0) > 0 && <ListSubheader>{t('inbox.teams')}</ListSubheader>}
        {(teams.data ?? []).map((team) => (
          <MenuItem key={team.id} selected={team.id === s.teamId}
            onClick={() => { setAssignMenu(null); assign.mutate({ teamId: team.id, assigneeId: null }); }}>
            {team.name}
          </MenuItem>
        ))}
      </Menu>
      {reply && (
        <Tooltip title={t('inbox.labelsAndPriority')}>
          <IconButton size="small" aria-label={t('inbox.labelsAndPriority')} onClick={() => setLabelsOpen(true)}><LabelIcon /></IconButton>
        </Tooltip>
      )}
      {labelsOpen && <LabelsDialog conversation={conversation} onClose={(saved) => { setLabelsOpen(false); if (saved) done(saved); }} />}
      <Dialog open={customSnooze !== null} onClose={() => setCustomSnooze(null)} aria-labelledby="snooze-title">
        <DialogTitle id="snooze-title">{t('inbox.snoozeCustom')}</DialogTitle>
        <DialogContent>
          <DateTimeInput label={t('inbox.snoozeUntil')} value={customSnooze ?? ''} sx={{ mt: 1 }}
            onChange={(v) => setCustomSnooze(v)} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setCustomSnooze(null)}>{t('common.cancel')}</Button>
          <Button variant="contained" disabled={!customSnooze || new Date(customSnooze) <= new Date()}
            onClick={() => customSnooze && snooze(new Date(customSnooze))}>{t('inbox.snooze')}</Button>
        </DialogActions>
      </Dialog>
      <Snackbar open={!!failure} autoHideDuration={8000} onClose={() => setFailure(null)}>
        <Alert severity="error" onClose={() => setFailure(null)}>{failure}</Alert>
      </Snackbar>
    </Stack>
  );
}

function LabelsDialog({ conversation, onClose }: { conversation: Conversation; onClose(saved?: Conversation): void }) {
  const { t } = useTranslation();
  const [labels, setLabels] = useState<string[]>(conversation.summary.labels);
  const [priority, setPriority] = useState<ConversationPriority>(conversation.summary.priority);
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => inboxApi.setLabels(conversation.summary.id, { labels, priority }),
    onSuccess: (saved) => onClose(saved),
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="xs" aria-labelledby="labels-title">
      <DialogTitle id="labels-title">{t('inbox.labelsAndPriority')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {failure && <Alert severity="error">{failure}</Alert>}
          <Autocomplete multiple freeSolo options={[] as string[]} value={labels}
            onChange={(_, v) => setLabels(v.map((l) => l.trim().toLowerCase()).filter((l) => l && l.length <= 40).slice(0, 20))}
            renderInput={(params) => <TextField {...params} label={t('inbox.labels')} helperText={t('inbox.labelsHelp')} />} />
          <TextField select label={t('inbox.priority')} value={priority} onChange={(e) => setPriority(e.target.value as ConversationPriority)}>
            {PRIORITIES.map((p) => <MenuItem key={p} value={p}>{t(`inbox.priorities.${p}`)}</MenuItem>)}
          </TextField>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => save.mutate()} disabled={save.isPending}>{t('common.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
