import AttachFileIcon from '@mui/icons-material/AttachFile';
import DeleteIcon from '@mui/icons-material/Delete';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Alert, Box, Button, IconButton, Link, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/client';
import { useFileLink, useStoredFile } from '../files/api';
import type { ServiceRequest } from './types';
import { Section } from '../ui/Section';
import { requestsApi, requestKeys } from './api';

export function MediaSection({ request, editable }: { request: ServiceRequest; editable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (file: File) => requestsApi.attach(request.id, file),
    onSuccess: (r) => { setFailure(null); client.setQueryData(requestKeys.one(request.id), r); },
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => requestsApi.detach(request.id, fileId),
    onSuccess: () => void client.invalidateQueries({ queryKey: requestKeys.one(request.id) }),
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  return (
    <Section title={t('servicerequests.media')} action={editable ? (
      <>
        <input ref={input} type="file" accept="image/*,application/pdf" hidden aria-label={t('servicerequests.upload')}
          data-testid="media-input"
          onChange={(e) => { const f = e.target.files?.[0]; if (f) add.mutate(f); e.target.value = ''; }} />
        <Button size="small" startIcon={<AttachFileIcon />} onClick={() => input.current?.click()} disabled={add.isPending}>
          {add.isPending ? t('servicerequests.uploading') : t('servicerequests.upload')}
        </Button>
      </>
    ) : undefined}>
      {failure && <Alert severity="error" sx={{ mb: 1 }}>{failure}</Alert>}
      {request.mediaFileIds.length === 0 && <Typography variant="body2">{t('servicerequests.noMedia')}</Typography>}
      <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))' }}>
        {request.mediaFileIds.map((fileId) => (
          <MediaTile key={fileId} fileId={fileId} onRemove={editable ? () => remove.mutate(fileId) : undefined} />
        ))}
      </Box>
    </Section>
  );
}

function MediaTile({ fileId, onRemove }: { fileId: string; onRemove?: () => void }) {
  const { t } = useTranslation();
  const meta = useStoredFile(fileId);
  const link = useFileLink(fileId);
  const name = meta.data?.name ?? '…';
  const image = meta.data?.mediaType.startsWith('image/');
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 0.5, position: 'relative' }}>
      <Link href={link.data?.url} target="_blank" rel="noopener" sx={{ display: 'block', textAlign: 'center' }}>
        {image && link.data
          ? <Box component="img" src={link.data.url} alt={name} sx={{ width: '100%', height: 90, objectFit: 'cover', borderRadius: 0.5 }} />
          : <PictureAsPdfIcon sx={{ fontSize: 56, my: 1 }} aria-hidden />}
        <Typography variant="caption" component="p" noWrap title={name}>{name}</Typography>
      </Link>
      {onRemove && (
        <IconButton size="small" aria-label={t('servicerequests.removeMedia', { name })} onClick={onRemove}
          sx={{ position: 'absolute', top: 2, right: 2, bgcolor: 'background.paper' }}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      )}
    </Box>
  );
}
