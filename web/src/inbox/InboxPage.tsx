import SettingsIcon from '@mui/icons-material/Settings';
import WifiTetheringIcon from '@mui/icons-material/WifiTethering';
import {
  Box, Button, Chip, Dialog, IconButton, Paper, Stack, ToggleButton, ToggleButtonGroup, Tooltip, Typography, useMediaQuery,
} from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { inboxApi } from './calls';
import { useAuth } from '../auth/AuthContext';
import { inboxKeys, useAgents, useConversation, useConversationList, useInboxStream } from './api';
import { ConversationList, filterFromParams } from './ConversationList';
import { CustomerPanel } from './CustomerPanel';
import { mergeThreadEvent } from './model';
import type { SseEvent } from './sse';
import { ThreadPane } from './ThreadPane';
import type { Message } from './types';

/**
 * The inbox: conversations, the open thread and the customer beside it; one pane at a time (with a
 * way back) on a phone. Everything on it follows the live stream.
 */
export default function InboxPage() {
  const { t } = useTranslation();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('lg'));
  const narrow = useMediaQuery(theme.breakpoints.down('md'));
  const { id } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { me, can } = useAuth();
  const client = useQueryClient();
  const filter = filterFromParams(params, me?.user.id);
  const list = useConversationList(filter);
  const conversation = useConversation(id);
  const [customerOpen, setCustomerOpen] = useState(false);

  const onEvent = useCallback((event: SseEvent) => {
    list.onEvent(event);
    // the open thread: statuses and new messages at once, the whole message with the next read
    client.getQueryCache().findAll({ queryKey: ['inbox', 'thread'] }).forEach((q) => {
      const contactId = q.queryKey[2] as string;
      const before = q.state.data as Message[] | undefined;
      if (!before) return;
      const after = mergeThreadEvent(before, event, contactId);
      if (after !== before) {
        client.setQueryData(q.queryKey, after);
        if (event.event === 'message.new') void client.invalidateQueries({ queryKey: inboxKeys.thread(contactId) });
      }
    });
    try {
      const data = JSON.parse(event.data) as { conversationId?: string };
      if (data.conversationId && event.event !== 'message.status') {
        void client.invalidateQueries({ queryKey: inboxKeys.conversation(data.conversationId) });
      }
    } catch {
      // not JSON: nothing more to refresh
    }
  }, [list, client]);
  const streamState = useInboxStream(onEvent);

  const open = (conversationId: string) => navigate({ pathname: `/inbox/${conversationId}`, search: params.toString() });
  const back = () => navigate({ pathname: '/inbox', search: params.toString() });

  const listPane = (
    <ConversationList list={list} selectedId={id} onOpen={open} />
  );
  const threadPane = id ? (
    <ThreadPane conversationId={id} conversation={conversation} onBack={narrow ? back : undefined}
      onShowCustomer={!wide ? () => setCustomerOpen(true) : undefined} />
  ) : (
    <Box sx={{ display: 'grid', placeItems: 'center', height: '100%', p: 3 }}>
      <Typography color="text.secondary">{t('inbox.pickConversation')}</Typography>
    </Box>
  );
  const customer = conversation.data ? <CustomerPanel conversation={conversation.data} /> : null;

  return (
    <Stack spacing={1} sx={{ height: { xs: 'calc(100dvh - 88px)', md: 'calc(100dvh - 112px)' }, minHeight: 420 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>{t('inbox.title')}</Typography>
        <Tooltip title={t(`inbox.stream.${streamState}`)}>
          <Chip size="small" icon={<WifiTetheringIcon />} data-testid="stream-state" data-state={streamState}
            color={streamState === 'connected' ? 'success' : 'default'} variant="outlined"
            label={t(`inbox.stream.${streamState}`)} />
        </Tooltip>
        {can('inbox:reply') && <Presence />}
        {can('inbox:manage') && (
          <>
            <Button component={RouterLink} to="/inbox/channels" size="small">{t('inbox.channels.title')}</Button>
            <Tooltip title={t('inbox.settings.title')}>
              <IconButton component={RouterLink} to="/inbox/settings" aria-label={t('inbox.settings.title')} size="small">
                <SettingsIcon />
              </IconButton>
            </Tooltip>
          </>
        )}
      </Stack>
      <Paper variant="outlined" sx={{ flexGrow: 1, minHeight: 0, display: 'grid', overflow: 'hidden',
        gridTemplateColumns: narrow ? '1fr' : wide ? '320px minmax(0, 1fr) 300px' : '300px minmax(0, 1fr)' }}>
        {(!narrow || !id) && (
          <Box sx={{ borderRight: narrow ? 0 : 1, borderColor: 'divider', minHeight: 0, display: 'flex', flexDirection: 'column' }}>
            {listPane}
          </Box>
        )}
        {(!narrow || id) && <Box sx={{ minHeight: 0, minWidth: 0, display: 'flex', flexDirection: 'column' }}>{threadPane}</Box>}
        {wide && (
          <Box component="aside" aria-label={t('inbox.customer.title')}
            sx={{ borderLeft: 1, borderColor: 'divider', minHeight: 0, overflow: 'auto' }}>
            {customer}
          </Box>
        )}
      </Paper>
      {!wide && (
        <Dialog open={customerOpen && !!customer} onClose={() => setCustomerOpen(false)} fullScreen={narrow} fullWidth maxWidth="sm"
          aria-label={t('inbox.customer.title')}>
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', p: 1 }}>
            <Button onClick={() => setCustomerOpen(false)}>{t('common.close')}</Button>
          </Box>
          {customer}
        </Dialog>
      )}
    </Stack>
  );
}

/** The agent's own availability (online or away), which the assignment rules read. */
function Presence() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const agents = useAgents();
  const own = agents.data?.find((a) => a.id === me?.user.id);
  // before the presence API is deployed the agents come without a status: nothing to toggle
  const available = !!agents.data && !agents.data.some((a) => a.status === 'UNKNOWN');
  const [status, setStatus] = useState<'ONLINE' | 'AWAY' | null>(null);
  const current = status ?? (own?.status === 'AWAY' ? 'AWAY' : own?.status === 'ONLINE' ? 'ONLINE' : null);
  const change = useMutation({
    mutationFn: (next: 'ONLINE' | 'AWAY') => inboxApi.setPresence(next),
    onMutate: (next) => setStatus(next),
    onError: () => setStatus(null), // back to what the server says
  });
  if (!available) return null;
  return (
    <ToggleButtonGroup size="small" exclusive value={current} aria-label={t('inbox.presence.label')}
      onChange={(_, next) => next && change.mutate(next)}>
      <ToggleButton value="ONLINE" aria-label={t('inbox.presence.ONLINE')} data-testid="presence-online"
        sx={{ color: current === 'ONLINE' ? 'success.main' : undefined }}>
        {t('inbox.presence.ONLINE')}
      </ToggleButton>
      <ToggleButton value="AWAY" aria-label={t('inbox.presence.AWAY')} data-testid="presence-away">
        {t('inbox.presence.AWAY')}
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
