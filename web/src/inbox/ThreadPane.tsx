import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import DoneIcon from '@mui/icons-material/Done';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import PersonIcon from '@mui/icons-material/Person';
import PlaceIcon from '@mui/icons-material/Place';
import ReplyIcon from '@mui/icons-material/Reply';
import ScheduleIcon from '@mui/icons-material/Schedule';
import {
  Alert, Box, Button, Chip, CircularProgress, IconButton, Link, Stack, Tab, Tabs, TextField, Tooltip, Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { problemMessage } from '../requests/ui';
import { inboxKeys, useOlderMessages, useThread } from './api';
import { Composer } from './Composer';
import { ConversationActions } from './ConversationActions';
import { cloudError, mapLink, mediaFile, withOlder } from './model';
import type { Conversation, Message, Note } from './types';
import { useFormat } from '../format';

export function ThreadPane({ conversationId, conversation, onBack, onShowCustomer }: {
  conversationId: string; conversation: UseQueryResult<Conversation>; onBack?: () => void; onShowCustomer?: () => void;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'messages' | 'notes'>('messages');
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const summary = conversation.data?.summary;
  const thread = useThread(summary?.contactId);
  const earlier = useOlderMessages(summary?.contactId, thread.data);
  const shown = useMemo(() => withOlder(earlier.older, thread.data ?? []), [earlier.older, thread.data]);
  useEffect(() => {
    setReplyTo(null);
    setTab('messages');
  }, [conversationId]);

  if (conversation.isError) {
    return <Alert severity="error" sx={{ m: 2 }}>{problemMessage(conversation.error, t('common.error'))}</Alert>;
  }
  if (!summary) return <Box sx={{ display: 'grid', placeItems: 'center', height: '100%' }}><CircularProgress aria-label={t('common.loading')} /></Box>;
  const name = summary.contactName || summary.contactPhone || '—';

  return (
    <>
      <Stack direction="row" spacing={1} sx={{ px: 1.5, py: 1, alignItems: 'center', borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap', rowGap: 1 }}>
        {onBack && (
          <IconButton onClick={onBack} aria-label={t('inbox.back')} edge="start"><ArrowBackIcon /></IconButton>
        )}
        <Box sx={{ flexGrow: 1, minWidth: 120 }}>
          <Typography variant="subtitle1" component="h2" noWrap sx={{ fontWeight: 600 }} data-testid="thread-title">{name}</Typography>
          <Typography variant="caption" color="text.secondary">{summary.contactPhone}</Typography>
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

function Ticks({ status }: { status: string }) {
  const { t } = useTranslation();
  const label = t(`inbox.delivery.${status}`, { defaultValue: status });
  const icon = status === 'READ' ? <DoneAllIcon fontSize="inherit" color="info" />
    : status === 'DELIVERED' ? <DoneAllIcon fontSize="inherit" />
      : status === 'SENT' ? <DoneIcon fontSize="inherit" />
        : status === 'FAILED' ? <ErrorOutlineIcon fontSize="inherit" color="error" />
          : <ScheduleIcon fontSize="inherit" />;
  return <Box component="span" role="img" aria-label={label} title={label} data-status={status} sx={{ display: 'inline-flex', fontSize: 16 }}>{icon}</Box>;
}

function Bubble({ message: m, quoted, onReply }: { message: Message; quoted?: Message; onReply(m: Message): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const out = m.direction === 'OUT';
  const failure = m.status === 'FAILED' ? cloudError(m.error) : null;
  const text = m.body ?? m.media?.caption ?? (m.type === 'unsupported' ? t('inbox.unsupported') : '');
  const label = t(out ? 'inbox.sentMessage' : 'inbox.receivedMessage', { text: text || t(`inbox.types.${m.type.toLowerCase()}`, { defaultValue: m.type }) });
  return (
    <Box role="article" aria-label={label} data-testid="message" data-direction={m.direction} data-status={m.status}
      sx={{ alignSelf: out ? 'flex-end' : 'flex-start', maxWidth: '78%', display: 'flex', alignItems: 'flex-end', gap: 0.5,
        flexDirection: out ? 'row' : 'row-reverse', '&:hover .reply, &:focus-within .reply': { opacity: 1 } }}>
      <IconButton className="reply" size="small" aria-label={t('inbox.replyTo')} onClick={() => onReply(m)} sx={{ opacity: 0.4 }}>
        <ReplyIcon fontSize="small" />
      </IconButton>
      <Box sx={{ px: 1.5, py: 1, borderRadius: 2, boxShadow: 1, minWidth: 80,
        bgcolor: (th) => (out ? (th.palette.mode === 'dark' ? '#134d37' : '#d9fdd3') : 'background.paper'),
        border: failure ? 1 : 0, borderColor: 'error.main' }}>
        {(m.replyTo || quoted) && (
          <Box sx={{ borderLeft: 3, borderColor: 'primary.main', pl: 1, mb: 0.5, opacity: 0.85 }} data-testid="reply-quote">
            <Typography variant="caption" sx={{ display: 'block', whiteSpace: 'pre-wrap' }} noWrap>
              {m.replyTo?.text ?? quoted?.body ?? '…'}
            </Typography>
          </Box>
        )}
        <Content message={m} />
        {m.type !== 'location' && text && <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Typography>}
        {failure && (
          <Typography variant="caption" color="error" sx={{ display: 'block' }} data-testid="message-error">
            {t('inbox.failed', { error: failure })}
          </Typography>
        )}
        <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end', alignItems: 'center', mt: 0.25 }}>
          <Typography variant="caption" color="text.secondary">{format.dateTime(m.sentAt)}</Typography>
          {out && <Ticks status={m.status} />}
        </Stack>
      </Box>
    </Box>
  );
}

/** Media, locations, interactive replies and templates, above the message's text. */
function Content({ message: m }: { message: Message }) {
  const { t } = useTranslation();
  const file = mediaFile(m);
  const link = useQuery({
    queryKey: ['file-link', file?.fileId],
    queryFn: () => api<{ url: string }>(`/api/v1/files/${file!.fileId}/link`, { method: 'POST' }),
    enabled: !!file,
    staleTime: 60_000,
  });
  const type = m.type.toLowerCase();
  if (type === 'location') {
    return (
      <Link href={mapLink(m)} target="_blank" rel="noopener" sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'center' }}>
        <PlaceIcon fontSize="small" />{m.body || t('inbox.types.location')}
      </Link>
    );
  }
  if (['image', 'video', 'document', 'audio', 'sticker'].includes(type)) {
    if (!file) return <Chip size="small" label={t(`inbox.types.${type}`, { defaultValue: type })} sx={{ mb: 0.5 }} />;
    const image = type === 'image' || type === 'sticker' || file.mediaType?.startsWith('image/');
    if (image && link.data) {
      return (
        <Link href={link.data.url} target="_blank" rel="noopener">
          <Box component="img" src={link.data.url} alt={m.body || t('inbox.types.image')}
            sx={{ display: 'block', maxWidth: 260, maxHeight: 260, borderRadius: 1, mb: 0.5 }} />
        </Link>
      );
    }
    return (
      <Link href={link.data?.url} target="_blank" rel="noopener" sx={{ display: 'block', mb: 0.5 }}>
        📎 {file.filename ?? t(`inbox.types.${type}`, { defaultValue: type })}
      </Link>
    );
  }
  if (type === 'interactive' || type === 'button') {
    return <Chip size="small" variant="outlined" label={t('inbox.types.interactive')} sx={{ mb: 0.5 }} />;
  }
  if (type === 'template') {
    return <Chip size="small" variant="outlined" label={m.templateName ? `${t('inbox.types.template')}: ${m.templateName}` : t('inbox.types.template')}
      sx={{ mb: 0.5 }} />;
  }
  return null;
}

function Notes({ conversationId, notes }: { conversationId: string; notes: Note[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => api<Note>(`/api/v1/inbox/conversations/${conversationId}/notes`, { method: 'POST', body: { body: body.trim() } }),
    onSuccess: () => {
      setBody('');
      void client.invalidateQueries({ queryKey: inboxKeys.conversation(conversationId) });
    },
  });
  return (
    <Box sx={{ flexGrow: 1, minHeight: 0, overflow: 'auto', p: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('inbox.notes.private')}</Typography>
      <Stack spacing={1} sx={{ mb: 2 }} data-testid="notes">
        {notes.length === 0 && <Typography color="text.secondary">{t('inbox.notes.none')}</Typography>}
        {notes.map((n) => (
          <Box key={n.id} sx={{ p: 1.5, borderRadius: 1, bgcolor: (th) => (th.palette.mode === 'dark' ? '#4a3f10' : '#fff8e1') }}>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{n.body}</Typography>
            <Typography variant="caption" color="text.secondary">{n.authorName ?? '—'} · {format.dateTime(n.createdAt)}</Typography>
          </Box>
        ))}
      </Stack>
      {add.isError && <Alert severity="error" sx={{ mb: 1 }}>{problemMessage(add.error, t('common.error'))}</Alert>}
      <Stack direction="row" spacing={1} component="form" onSubmit={(e) => { e.preventDefault(); if (body.trim()) add.mutate(); }}>
        <TextField fullWidth multiline maxRows={6} size="small" label={t('inbox.notes.add')} value={body}
          onChange={(e) => setBody(e.target.value)} slotProps={{ htmlInput: { maxLength: 4000 } }} />
        <Button type="submit" variant="outlined" disabled={!body.trim() || add.isPending}>{t('common.save')}</Button>
      </Stack>
    </Box>
  );
}
