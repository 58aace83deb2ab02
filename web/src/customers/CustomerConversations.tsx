import { Alert, Box, Chip, Link, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { formatPhone, useFormat } from '../format';
import { useCustomerConversations } from '../inbox/api';

/**
 * The customer's WhatsApp conversations, each a link to its thread: those of the inbox contacts confirmed as this
 * customer, asked of the inbox's API (the inbox owns them; docs/architecture.md, "A customer's conversations").
 */
export function CustomerConversations({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const format = useFormat();
  const allowed = can('inbox:view');
  const conversations = useCustomerConversations(customerId, allowed);
  if (!allowed) return null;
  const items = conversations.data?.items ?? [];
  return (
    <Box component="section" aria-label={t('customerActivity.conversations')} sx={{ mb: 3 }} data-testid="customer-conversations">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>{t('customerActivity.conversations')}</Typography>
      {conversations.error && <Alert severity="error">{(conversations.error as Error).message}</Alert>}
      <TableContainer sx={{ bgcolor: 'background.paper', borderRadius: 1 }}>
        <Table size="small" aria-label={t('customerActivity.conversations')}>
          <TableHead><TableRow>
            <TableCell>{t('customerActivity.lastActivity')}</TableCell><TableCell>{t('customerActivity.contact')}</TableCell>
            <TableCell>{t('customerActivity.status')}</TableCell><TableCell>{t('customerActivity.lastMessage')}</TableCell>
          </TableRow></TableHead>
          <TableBody>
            {conversations.isSuccess && items.length === 0 && (
              <TableRow><TableCell colSpan={4} sx={{ color: 'text.secondary' }}>{t('customerActivity.noConversations')}</TableCell></TableRow>
            )}
            {items.map((c) => {
              const name = c.contactName || formatPhone(c.contactPhone) || '—';
              return (
                <TableRow key={c.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.lastMessageAt ? format.dateTime(c.lastMessageAt) : '—'}</TableCell>
                  <TableCell>
                    <Link component={RouterLink} to={`/inbox/${c.id}`} aria-label={t('customerActivity.openConversation', { name })}>
                      {name}
                    </Link>
                    {c.contactName && c.contactPhone && <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>{formatPhone(c.contactPhone)}</Typography>}
                  </TableCell>
                  <TableCell><Chip size="small" variant="outlined" label={t(`inbox.state.${c.status}`)} /></TableCell>
                  <TableCell sx={{ maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {c.lastMessage ?? ''}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
