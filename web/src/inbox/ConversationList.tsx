import {
  Alert, Avatar, Badge, Box, Button, Chip, List, ListItem, ListItemAvatar, ListItemButton, ListItemText, MenuItem, Stack, Tab, Tabs,
  TextField, Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAgents, useChannels, useConversationList, useTeams } from './api';
import { isUnread, type ListFilter } from './model';
import { STATUSES, type ConversationSummary } from './types';
import { formatPhone, useFormat } from '../format';
import { problemMessage } from '../api/client';

/** The list's filters live in the address, so a reload or Back shows the same list. */
export function filterFromParams(params: URLSearchParams, myId: string | undefined): ListFilter {
  const assignee = params.get('assignee') ?? '';
  return {
    status: params.get('status') ?? 'OPEN',
    assigneeId: assignee === 'mine' ? myId : assignee && assignee !== 'unassigned' ? assignee : undefined,
    unassigned: assignee === 'unassigned' ? true : undefined,
    teamId: params.get('teamId') || undefined,
    label: params.get('label') || undefined,
    channelId: params.get('channelId') || undefined,
  };
}

const SEEN_KEY = 'ambiosys.inbox.seen';

/** Read by screen readers, not shown. */
const visuallyHidden = {
  border: 0, clip: 'rect(0 0 0 0)', height: '1px', margin: '-1px', overflow: 'hidden', padding: 0, position: 'absolute',
  whiteSpace: 'nowrap', width: '1px',
} as const;

function readSeen(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(SEEN_KEY) ?? '{}');
  } catch {
    return {};
  }
}

/** When the agent last opened each conversation (this browser): newer messages are shown in bold. */
export function useSeen(selected: ConversationSummary | undefined) {
  const [seen, setSeen] = useState(readSeen);
  const at = selected?.lastMessageAt;
  useEffect(() => {
    if (!selected || !at) return;
    setSeen((s) => {
      if (s[selected.id] && s[selected.id] >= at) return s;
      const next = { ...s, [selected.id]: at };
      // keep the most recent 500
      const trimmed = Object.fromEntries(Object.entries(next).sort((a, b) => b[1].localeCompare(a[1])).slice(0, 500));
      localStorage.setItem(SEEN_KEY, JSON.stringify(trimmed));
      return trimmed;
    });
  }, [selected, at]);
  return seen;
}

export function ConversationList({ list, selectedId, onOpen }: {
  list: ReturnType<typeof useConversationList>; selectedId?: string; onOpen(id: string): void;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const agents = useAgents();
  const teams = useTeams();
  const channels = useChannels();
  const seen = useSeen(list.items.find((c) => c.id === selectedId));
  const [label, setLabel] = useState(params.get('label') ?? '');
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  useEffect(() => {
    const timer = setTimeout(() => (label.trim() !== (params.get('label') ?? '') ? set('label', label.trim()) : undefined), 400);
    return () => clearTimeout(timer);
  });
  // today's as a time, older ones as a date, in the tenant's time zone (as the thread shows them)
  const when = useFormat().dayOrTime;

  return (
    <>
      <Tabs value={params.get('status') ?? 'OPEN'} onChange={(_, v: string) => set('status', v === 'OPEN' ? '' : v)}
        variant="scrollable" aria-label={t('inbox.status')} sx={{ borderBottom: 1, borderColor: 'divider', minHeight: 40 }}>
        {STATUSES.map((s) => (
          <Tab key={s} value={s} label={t(`inbox.statuses.${s}`)} sx={{ minHeight: 40, px: 1.5 }} data-testid={`tab-${s}`} />
        ))}
      </Tabs>
      <Stack direction="row" spacing={1} sx={{ p: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <TextField select size="small" label={t('inbox.assignee')} value={params.get('assignee') ?? ''} sx={{ minWidth: 130, flex: 1 }}
          onChange={(e) => set('assignee', e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'filter-assignee' } }}>
          <MenuItem value="">{t('common.all')}</MenuItem>
          <MenuItem value="mine">{t('inbox.mine')}</MenuItem>
          <MenuItem value="unassigned">{t('inbox.unassigned')}</MenuItem>
          {(agents.data ?? []).map((a) => <MenuItem key={a.id} value={a.id}>{a.name}</MenuItem>)}
        </TextField>
        {(teams.data?.length ?? 0) > 0 && (
          <TextField select size="small" label={t('inbox.team')} value={params.get('teamId') ?? ''} sx={{ minWidth: 110, flex: 1 }}
            onChange={(e) => set('teamId', e.target.value)}>
            <MenuItem value="">{t('common.all')}</MenuItem>
            {teams.data!.map((team) => <MenuItem key={team.id} value={team.id}>{team.name}</MenuItem>)}
          </TextField>
        )}
        <TextField size="small" label={t('inbox.label')} value={label} onChange={(e) => setLabel(e.target.value)}
          sx={{ minWidth: 100, flex: 1 }} />
        {(channels.data?.length ?? 0) > 1 && (
          <TextField select size="small" label={t('inbox.channel')} value={params.get('channelId') ?? ''} sx={{ minWidth: 110, flex: 1 }}
            onChange={(e) => set('channelId', e.target.value)}>
            <MenuItem value="">{t('common.all')}</MenuItem>
            {channels.data!.map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
          </TextField>
        )}
      </Stack>
      {list.error != null && <Alert severity="error" sx={{ mx: 1 }}>{problemMessage(list.error, t('common.error'))}</Alert>}
      <List dense disablePadding aria-label={t('inbox.conversations')} sx={{ overflow: 'auto', flexGrow: 1 }} data-testid="conversation-list">
        {list.items.map((c) => {
          const unread = isUnread(c, seen) && c.id !== selectedId;
          const name = c.contactName || formatPhone(c.contactPhone) || '—';
          return (
            <ListItem key={c.id} disablePadding>
            {/* the name is the visible content, read with a hidden "Conversación con" before it and the status after */}
            <ListItemButton selected={c.id === selectedId} onClick={() => onOpen(c.id)} divider
              aria-current={c.id === selectedId ? 'true' : undefined} data-testid={`conversation-${c.id}`}>
              <Box component="span" sx={visuallyHidden}>{t('inbox.conversationWith')} </Box>
              <ListItemAvatar sx={{ minWidth: 48 }} aria-hidden>
                <Badge color="primary" variant="dot" invisible={!unread} overlap="circular">
                  <Avatar sx={{ width: 36, height: 36 }}>{name.replace(/[^\p{L}\d]/gu, '').slice(0, 1).toUpperCase()}</Avatar>
                </Badge>
              </ListItemAvatar>
              <ListItemText
                primary={
                  <Box component="span" sx={{ display: 'flex', gap: 1 }}>
                    <Box component="span" sx={{ flexGrow: 1, fontWeight: unread ? 700 : 500, overflow: 'hidden', textOverflow: 'ellipsis',
                      whiteSpace: 'nowrap' }}>{name}</Box>
                    <Typography component="span" variant="caption" color={unread ? 'primary' : 'text.secondary'}
                      sx={{ fontWeight: unread ? 700 : 400 }}>{when(c.lastMessageAt)}</Typography>
                  </Box>
                }
                secondary={
                  <>
                    <Box component="span" sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap',
                      fontWeight: unread ? 600 : 400, color: unread ? 'text.primary' : undefined }}>
                      {c.lastMessage ?? ''}
                    </Box>
                    <Box component="span" sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.25 }}>
                      {(c.priority === 'HIGH' || c.priority === 'URGENT') && (
                        <Chip component="span" size="small" color={c.priority === 'URGENT' ? 'error' : 'warning'}
                          label={t(`inbox.priorities.${c.priority}`)} sx={{ height: 18 }} />
                      )}
                      {c.labels.slice(0, 3).map((l) => <Chip component="span" key={l} size="small" label={l} sx={{ height: 18 }} />)}
                      {(c.assigneeName || c.teamName) && (
                        <Typography component="span" variant="caption" color="text.secondary">
                          {[c.teamName, c.assigneeName].filter(Boolean).join(' · ')}
                        </Typography>
                      )}
                    </Box>
                  </>
                }
                slotProps={{ secondary: { component: 'span' } }}
              />
              <Box component="span" sx={visuallyHidden}>, {t(`inbox.state.${c.status}`)}</Box>
            </ListItemButton>
            </ListItem>
          );
        })}
        {!list.loading && list.items.length === 0 && (
          <ListItem><Typography color="text.secondary">{t('inbox.noConversations')}</Typography></ListItem>
        )}
        {list.hasMore && (
          <ListItem sx={{ justifyContent: 'center' }}>
            <Button onClick={() => void list.loadMore()} disabled={list.loading}>{t('inbox.loadMore')}</Button>
          </ListItem>
        )}
      </List>
    </>
  );
}
