import DoneAllIcon from '@mui/icons-material/DoneAll';
import DoneIcon from '@mui/icons-material/Done';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import PlaceIcon from '@mui/icons-material/Place';
import ReplyIcon from '@mui/icons-material/Reply';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { Box, Chip, IconButton, Link, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useFileLink } from '../files/api';
import { cloudError, mapLink, mediaFile } from './model';
import type { Message } from './types';
import { useFormat } from '../format';

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

export function Bubble({ message: m, quoted, onReply }: { message: Message; quoted?: Message; onReply(m: Message): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const out = m.direction === 'OUT';
  const failure = m.status === 'FAILED' ? cloudError(m.error) : null;
  // a template sent before its text was kept has only its name, shown on its chip already
  const text = m.type === 'template' && m.body === m.templateName ? ''
    : m.body ?? m.media?.caption ?? (m.type === 'unsupported' ? t('inbox.unsupported') : '');
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
export function Content({ message: m }: { message: Message }) {
  const { t } = useTranslation();
  const file = mediaFile(m);
  const link = useFileLink(file?.fileId);
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
