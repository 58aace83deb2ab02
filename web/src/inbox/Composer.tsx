import AttachFileIcon from '@mui/icons-material/AttachFile';
import SendIcon from '@mui/icons-material/Send';
import SmartButtonIcon from '@mui/icons-material/SmartButton';
import ViewListIcon from '@mui/icons-material/ViewList';
import {
  Alert, Box, Button, Chip, IconButton, List, ListItemButton, ListItemText, Paper, Stack, TextField, Tooltip,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { inboxApi } from './calls';
import { filesApi } from '../files/api';
import { useAuth } from '../auth/AuthContext';
import { inboxKeys, useCanned } from './api';
import { ComposeKeys, filterCanned, serviceWindow, slashQuery, substitute } from './model';
import type { Conversation, Message, Outgoing } from './types';
import { useFormat } from '../format';
import { TemplateDialog } from './TemplateDialog';
import { InteractiveDialog } from './InteractiveDialog';

const MAX_BYTES = 16 * 1024 * 1024; // the Cloud API's limit for images is 5 MB, documents 100 MB; the files API 16 MB

function useNow(everyMs = 30_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * Writes to the contact: text (with `/` for canned responses), a file with its caption, a reply to
 * a message, or an approved template; outside WhatsApp's 24-hour window only templates.
 */
export function Composer({ conversation, messages, replyTo, onClearReply }: {
  conversation: Conversation; messages: Message[]; replyTo: Message | null; onClearReply(): void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const format = useFormat();
  const client = useQueryClient();
  const s = conversation.summary;
  const now = useNow();
  const win = serviceWindow(messages, now);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<{ file: File; id: string } | null>(null);
  const [failure, setFailure] = useState<{ text: string; retry: boolean } | null>(null);
  const [sending, setSending] = useState(false);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const [interactiveOpen, setInteractiveOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const [slashClosed, setSlashClosed] = useState(false);
  // a new contact, a new composer: its own key for the first message
  const keys = useMemo(() => new ComposeKeys(), [s.contactId]);
  const fileInput = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    setText('');
    setFile(null);
    setUploaded(null);
    setFailure(null);
  }, [s.contactId]);

  const query = slashClosed ? null : slashQuery(text);
  const canned = useCanned();
  const suggestions = query === null ? [] : filterCanned(canned.data?.items ?? [], query).slice(0, 8);
  const pick = (i: number) => {
    const chosen = suggestions[i];
    if (!chosen) return;
    setText(substitute(chosen.body, s.contactName, t('inbox.customerFallback')));
    setHighlight(0);
    box.current?.focus();
  };

  const send = async (outgoing: Outgoing) => {
    setSending(true);
    setFailure(null);
    try {
      if (file && outgoing.type === 'TEXT') {
        let fileId = uploaded?.file === file ? uploaded.id : null;
        if (!fileId) {
          fileId = (await filesApi.upload(file, 'inbox_message')).id; // the send makes the message its owner
          setUploaded({ file, id: fileId });
        }
        outgoing = { type: file.type.startsWith('image/') ? 'IMAGE' : 'DOCUMENT', fileId, caption: outgoing.text || undefined,
          filename: file.type.startsWith('image/') ? undefined : file.name, replyToMessageId: outgoing.replyToMessageId };
      }
      // the same message again (a retry) keeps its key, so it goes out once
      const key = keys.forMessage(`${s.contactId}:${JSON.stringify(outgoing)}`);
      const sent = await inboxApi.send(s.contactId, outgoing, key);
      keys.done();
      client.setQueryData<Message[]>(inboxKeys.thread(s.contactId),
        (old) => (old && !old.some((m) => m.id === sent.id) ? [...old, sent] : old));
      if (outgoing.type === 'TEXT' || outgoing.type === 'IMAGE' || outgoing.type === 'DOCUMENT') {
        setText('');
        setFile(null);
        setUploaded(null);
      }
      onClearReply();
      setTemplatesOpen(false);
      setInteractiveOpen(false);
      return true;
    } catch (error) {
      // a refusal (4xx) will not change by sending again; a lost answer or a server error may
      const retry = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
      setFailure({ text: error instanceof ApiError ? (error.detail ?? error.title) : t('common.error'), retry });
      return false;
    } finally {
      setSending(false);
    }
  };

  const sendText = () => {
    if (sending || (!text.trim() && !file)) return;
    void send({ type: 'TEXT', text: text.trim(), replyToMessageId: replyTo?.id });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (suggestions.length > 0) {
      if (e.key === 'ArrowDown') { e.preventDefault(); setHighlight((h) => (h + 1) % suggestions.length); return; }
      if (e.key === 'ArrowUp') { e.preventDefault(); setHighlight((h) => (h - 1 + suggestions.length) % suggestions.length); return; }
      if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); pick(highlight); return; }
      if (e.key === 'Escape') { e.preventDefault(); setSlashClosed(true); return; }
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      sendText();
    }
  };

  if (!can('inbox:reply')) return null;
  const lastIn = win.closesAt ? win.closesAt - 24 * 3600 * 1000 : null;

  return (
    <Box sx={{ borderTop: 1, borderColor: 'divider', p: 1, position: 'relative' }}>
      {failure && (
        <Alert severity="error" sx={{ mb: 1 }} data-testid="send-error" onClose={() => setFailure(null)}
          action={failure.retry ? <Button color="inherit" size="small" onClick={sendText}>{t('common.retry')}</Button> : undefined}>
          {failure.text}
        </Alert>
      )}
      {!win.open ? (
        <Alert severity="info" data-testid="window-closed"
          action={<Button color="inherit" size="small" onClick={() => setTemplatesOpen(true)} data-testid="open-templates">{t('inbox.templates.use')}</Button>}>
          {lastIn ? t('inbox.windowClosed', { when: format.dateTime(new Date(lastIn).toISOString()) }) : t('inbox.windowNever')}
        </Alert>
      ) : (
        <>
          {replyTo && (
            <Chip sx={{ mb: 1, maxWidth: '100%' }} onDelete={onClearReply} data-testid="replying-to"
              label={t('inbox.replyingTo', { text: (replyTo.body ?? '').slice(0, 80) || t(`inbox.types.${replyTo.type.toLowerCase()}`, { defaultValue: replyTo.type }) })} />
          )}
          {file && (
            <Chip sx={{ mb: 1, ml: replyTo ? 1 : 0, maxWidth: '100%' }} icon={<AttachFileIcon />} label={file.name}
              onDelete={() => { setFile(null); setUploaded(null); }} data-testid="attachment" />
          )}
          {suggestions.length > 0 && (
            <Paper elevation={6} sx={{ position: 'absolute', bottom: '100%', left: 8, right: 8, maxHeight: 280, overflow: 'auto', zIndex: 2 }}>
              <List dense role="listbox" aria-label={t('inbox.canned.title')} id="canned-list">
                {suggestions.map((c, i) => (
                  <ListItemButton key={c.id} role="option" selected={i === highlight} aria-selected={i === highlight}
                    onMouseDown={(e) => e.preventDefault()} onClick={() => pick(i)} data-testid={`canned-${c.shortCode}`}>
                    <ListItemText primary={`/${c.shortCode} · ${c.title}`}
                      secondary={substitute(c.body, s.contactName, t('inbox.customerFallback'))}
                      slotProps={{ secondary: { noWrap: true } }} />
                  </ListItemButton>
                ))}
              </List>
            </Paper>
          )}
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-end' }}>
            <input ref={fileInput} type="file" hidden accept="image/jpeg,image/png,application/pdf,.doc,.docx,.xls,.xlsx"
              aria-label={t('inbox.attach')} data-testid="attach-input"
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                e.target.value = '';
                if (chosen && chosen.size > MAX_BYTES) setFailure({ text: t('inbox.fileTooLarge', { mb: MAX_BYTES / 1024 / 1024 }), retry: false });
                else setFile(chosen);
              }} />
            <Tooltip title={t('inbox.attach')}>
              <IconButton aria-label={t('inbox.attach')} onClick={() => fileInput.current?.click()}><AttachFileIcon /></IconButton>
            </Tooltip>
            <Tooltip title={t('inbox.templates.use')}>
              <IconButton aria-label={t('inbox.templates.use')} onClick={() => setTemplatesOpen(true)}><ViewListIcon /></IconButton>
            </Tooltip>
            <Tooltip title={t('inbox.interactive.title')}>
              <IconButton aria-label={t('inbox.interactive.title')} onClick={() => setInteractiveOpen(true)} data-testid="open-interactive">
                <SmartButtonIcon />
              </IconButton>
            </Tooltip>
            <TextField fullWidth multiline maxRows={6} size="small" inputRef={box} value={text}
              placeholder={file ? t('inbox.caption') : t('inbox.composerHint')}
              onChange={(e) => { setText(e.target.value); setSlashClosed(false); setHighlight(0); }} onKeyDown={onKeyDown}
              slotProps={{ htmlInput: { 'aria-label': t('inbox.messageBox'), maxLength: 4096, 'data-testid': 'message-box',
                'aria-autocomplete': 'list', 'aria-controls': suggestions.length ? 'canned-list' : undefined } }} />
            <IconButton color="primary" aria-label={t('inbox.send')} onClick={sendText} disabled={sending || (!text.trim() && !file)}
              data-testid="send">
              <SendIcon />
            </IconButton>
          </Stack>
        </>
      )}
      {interactiveOpen && (
        <InteractiveDialog sending={sending} failure={failure?.text ?? null} onClose={() => setInteractiveOpen(false)}
          onSend={(message) => void send({ ...message, replyToMessageId: replyTo?.id })} />
      )}
      {templatesOpen && (
        <TemplateDialog channelId={s.channelId} sending={sending} failure={failure?.text ?? null}
          onClose={() => setTemplatesOpen(false)}
          onSend={(name, language, parameters) => void send({ type: 'TEMPLATE', templateName: name, templateLanguage: language,
            templateParameters: parameters })} />
      )}
    </Box>
  );
}
