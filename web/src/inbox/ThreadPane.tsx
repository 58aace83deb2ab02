import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PersonIcon from '@mui/icons-material/Person';
import { Alert, Box, Button, CircularProgress, IconButton, Stack, Tab, Tabs, Tooltip, Typography } from '@mui/material';
import { type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOlderMessages, useThread } from './api';
import { Composer } from './Composer';
import { ConversationActions } from './ConversationActions';
import { withOlder } from './model';
import type { Conversation, Message } from './types';
import { Bubble } from './Bubble';
import { Notes } from './Notes';
import { useReadReceipts } from './readReceipts';
import { problemMessage } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { formatPhone } from '../format';

export function ThreadPane({ conversationId, conversation, onBack, onShowCustomer }: {
  conversationId: string; conversation: UseQueryResult<Conversation>; onBack?: () => void; onShowCustomer?: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [tab, setTab] = useState<'messages' | 'notes'>('messages');
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const summary = conversation.data?.summary;
  const thread = useThread(summary?.contactId);
  const earlier = useOlderMessages(summary?.contactId, thread.data);
  const shown = useMemo(() => withOlder(earlier.older, thread.data ?? []), [earlier.older, thread.data]);
  // blue ticks only from who may answer: one who only looks does not tell the contact they were read
  useReadReceipts(conversationId, can('inbox:reply') ? thread.data : undefined);
  useEffect(() => {
    setReplyTo(null);
    setTab('messages');
  }, [conversationId]);

  if (conversation.isError) {
    return <Alert severity="error" sx={{ m: 2 }}>{problemMessage(conversation.error, t('common.error'))}</Alert>;
  }
  if (!summary) return <Box sx={{ display: 'grid', placeItems: 'center', height: '100%' }}><CircularProgress aria-label={t('common.loading')} /></Box>;
  const name = summary.contactName || formatPhone(summary.contactPhone) || '—';

  return (
    <>
      <Stack direction="row" spacing={1} sx={{ px: 1.5, py: 1, alignItems: 'center', borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap', rowGap: 1 }}>
        {onBack && (
          <IconButton onClick={onBack} aria-label={t('inbox.back')} edge="start"><ArrowBackIcon /></IconButton>
        )}
        <Box sx={{ flexGrow: 1, minWidth: 120 }}>
          <Typography variant="subtitle1" component="h2" noWrap sx={{ fontWeight: 600 }} data-testid="thread-title">{name}</Typography>
          <Typography variant="caption" color="text.secondary">{formatPhone(summary.contactPhone)}</Typography>
        </Box>
        {onShowCustomer && (
          <Tooltip title={t('inbox.customer.title')}>
            <IconButton onClick={onShowCustomer} aria-label={t('inbox.customer.title')}><PersonIcon /></IconButton>
          </Tooltip>
        )}
        <ConversationActions conversation={conversation.data!} />
      </Stack>
      <Tabs value={tab} onChange={(_, v) => setTab(v)} sx={{ minHeight: 36, borderBottom: 1, borderColor: 'divider' }}
        aria-label={t('inbox.threadTabs')}>
        <Tab value="messages" label={t('inbox.messages')} sx={{ minHeight: 36 }} />
        <Tab value="notes" label={t('inbox.notes.title', { count: conversation.data!.notes.length })} sx={{ minHeight: 36 }}
          data-testid="tab-notes" />
      </Tabs>
      {tab === 'messages' ? (
        <>
          <Messages messages={shown} loading={thread.isLoading}
            error={thread.error ?? earlier.error} conversationKey={conversationId} onReply={setReplyTo}
            older={earlier.hasOlder ? { load: () => void earlier.load(), loading: earlier.loading } : undefined} />
          <Composer conversation={conversation.data!} messages={thread.data ?? []} replyTo={replyTo} onClearReply={() => setReplyTo(null)} />
        </>
      ) : (
        <Notes conversationId={conversationId} notes={conversation.data!.notes} />
      )}
    </>
  );
}

/**
 * The thread, oldest at the top: stays at the bottom while the agent is there; a message arriving
 * while they read further up does not move the page but offers a jump to it. Earlier messages load
 * above the first one on request, and what the agent was reading stays where it was.
 */
function Messages({ messages, loading, error, conversationKey, onReply, older }: {
  messages: Message[]; loading: boolean; error: unknown; conversationKey: string; onReply(m: Message): void;
  older?: { load(): void; loading: boolean };
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [unseen, setUnseen] = useState(0);
  const count = useRef(0);
  const first = useRef<string | undefined>(undefined);
  const height = useRef(0);
  const key = useRef(conversationKey);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const switched = key.current !== conversationKey;
    key.current = conversationKey;
    const prepended = !switched && count.current > 0 && messages.length > count.current
      && messages[0]?.id !== first.current && messages.some((m) => m.id === first.current);
    if (prepended) {
      el.scrollTop += el.scrollHeight - height.current; // earlier messages above: the reader stays on theirs
    } else if (switched || atBottom.current || count.current === 0) {
      el.scrollTop = el.scrollHeight;
      setUnseen(0);
    } else if (messages.length > count.current) {
      setUnseen((n) => n + messages.length - count.current);
    }
    count.current = messages.length;
    first.current = messages[0]?.id;
    height.current = el.scrollHeight;
  }, [messages, conversationKey]);

  const toBottom = () => {
    box.current?.scrollTo({ top: box.current.scrollHeight });
    setUnseen(0);
  };

  const byId = new Map(messages.map((m) => [m.id, m]));
  return (
    <Box sx={{ position: 'relative', flexGrow: 1, minHeight: 0 }}>
      <Box ref={box} role="log" aria-live="polite" aria-label={t('inbox.thread')} data-testid="thread"
        onScroll={(e) => {
          const el = e.currentTarget;
          atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
          if (atBottom.current) setUnseen(0);
        }}
        sx={{ position: 'absolute', inset: 0, overflow: 'auto', px: 2, py: 1.5, display: 'flex', flexDirection: 'column', gap: 1,
          bgcolor: (th) => (th.palette.mode === 'dark' ? 'background.default' : 'grey.50') }}>
        {loading && <CircularProgress aria-label={t('common.loading')} sx={{ alignSelf: 'center' }} />}
        {error != null && <Alert severity="error">{problemMessage(error, t('common.error'))}</Alert>}
        {!loading && messages.length === 0 && <Typography color="text.secondary" sx={{ alignSelf: 'center' }}>{t('inbox.noMessages')}</Typography>}
        {older && (
          <Button size="small" onClick={older.load} disabled={older.loading} sx={{ alignSelf: 'center' }} data-testid="older-messages">
            {older.loading ? t('common.loading') : t('inbox.olderMessages')}
          </Button>
        )}
        {messages.map((m) => <Bubble key={m.id} message={m} quoted={m.replyTo ? byId.get(m.replyTo.id) : undefined} onReply={onReply} />)}
      </Box>
      {unseen > 0 && (
        <Button variant="contained" size="small" onClick={toBottom} sx={{ position: 'absolute', bottom: 12, left: '50%', transform: 'translateX(-50%)' }}>
          {t('inbox.newMessages', { count: unseen })}
        </Button>
      )}
    </Box>
  );
}
