import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/client';
import { inboxApi } from './calls';
import { inboxKeys } from './api';
import type { Note } from './types';
import { useFormat } from '../format';
import { useCan } from '../shell/can';

export function Notes({ conversationId, notes }: { conversationId: string; notes: Note[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => inboxApi.addNote(conversationId, body.trim()),
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
      {can('inbox:reply') && <Stack direction="row" spacing={1} component="form" onSubmit={(e) => { e.preventDefault(); if (body.trim()) add.mutate(); }}>
        <TextField fullWidth multiline maxRows={6} size="small" label={t('inbox.notes.add')} value={body}
          onChange={(e) => setBody(e.target.value)} slotProps={{ htmlInput: { maxLength: 4000 } }} />
        <Button type="submit" variant="outlined" disabled={!body.trim() || add.isPending}>{t('common.save')}</Button>
      </Stack>}
    </Box>
  );
}
