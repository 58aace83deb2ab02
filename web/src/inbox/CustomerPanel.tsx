import { Alert, Autocomplete, Box, Button, Divider, Link, List, ListItem, ListItemButton, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { problemMessage } from '../api/client';
import { formatPhone } from '../format';
import { useCustomerPicker } from '../customers/api';
import { NewCustomerDialog } from '../customers/NewCustomerDialog';
import { newCustomerFromContact } from './model';
import { requestsApi } from '../requests/api';
import { OPEN_STATUSES } from '../requests/types';
import { inboxApi } from './calls';
import { useAuth } from '../auth/AuthContext';
import { StatusChip } from '../requests/ui';
import { inboxKeys } from './api';
import type { Conversation } from './types';

/** Who is writing: the contact, its customer (or the one its phone suggests, to confirm) and their open requests. */
export function CustomerPanel({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const s = conversation.summary;
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const link = useMutation({
    mutationFn: (customerId: string) => inboxApi.linkCustomer(s.contactId, customerId),
    onSuccess: () => client.invalidateQueries({ queryKey: inboxKeys.conversation(s.id) }),
  });
  const requests = useQuery({
    queryKey: ['inbox', 'customer-requests', s.customerId],
    queryFn: () => {
      const p = new URLSearchParams({ customerId: s.customerId!, size: '10' });
      OPEN_STATUSES.forEach((x) => p.append('status', x));
      return requestsApi.search(p);
    },
    enabled: !!s.customerId && conversation.customerConfirmed && can('servicerequests:view'),
  });
  const customers = useCustomerPicker(search, search.trim().length >= 2 && can('customers:view'));

  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="customer-panel">
      <Box>
        <Typography variant="overline" component="h2" color="text.secondary">{t('inbox.customer.contact')}</Typography>
        <Typography sx={{ fontWeight: 600 }}>{s.contactName ?? '—'}</Typography>
        {s.contactPhone && <Link href={`tel:${s.contactPhone}`} variant="body2">{formatPhone(s.contactPhone)}</Link>}
      </Box>
      <Divider />
      <Box>
        <Typography variant="overline" component="h2" color="text.secondary">{t('inbox.customer.title')}</Typography>
        {link.isError && <Alert severity="error" sx={{ my: 1 }}>{problemMessage(link.error, t('common.error'))}</Alert>}
        {s.customerId && conversation.customerConfirmed && (
          <>
            <Typography sx={{ fontWeight: 600 }}>{conversation.customerName}</Typography>
            {can('customers:view') && (
              <Link component={RouterLink} to={`/customers/${s.customerId}`} variant="body2" data-testid="customer-link">
                {t('inbox.customer.open')}
              </Link>
            )}
          </>
        )}
        {s.customerId && !conversation.customerConfirmed && (
          <Alert severity="info" data-testid="customer-suggestion"
            action={can('inbox:reply') ? (
              <Button color="inherit" size="small" disabled={link.isPending} onClick={() => link.mutate(s.customerId!)}>
                {t('inbox.customer.confirm')}
              </Button>
            ) : undefined}>
            {t('inbox.customer.suggested', { name: conversation.customerName ?? '—' })}
          </Alert>
        )}
        {!s.customerId && (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('inbox.customer.none')}</Typography>
            {can('inbox:reply') && can('customers:view') && (
              <Autocomplete size="small" options={customers.data?.items ?? []} getOptionLabel={(o) => o.commercialName}
                filterOptions={(x) => x} onInputChange={(_, v) => setSearch(v)} loading={customers.isFetching}
                onChange={(_, v) => v && link.mutate(v.id)} noOptionsText={t('inbox.customer.searchHint')}
                renderInput={(params) => <TextField {...params} label={t('inbox.customer.link')} />} />
            )}
            {can('inbox:reply') && can('customers:create') && (
              <Button size="small" sx={{ mt: 1 }} disabled={link.isPending} onClick={() => setCreating(true)} data-testid="create-customer">
                {t('inbox.customer.create')}
              </Button>
            )}
          </>
        )}
      </Box>
      {s.customerId && conversation.customerConfirmed && can('servicerequests:view') && (
        <>
          <Divider />
          <Box>
            <Typography variant="overline" component="h2" color="text.secondary">{t('inbox.customer.openRequests')}</Typography>
            {requests.data?.items.length === 0 && <Typography variant="body2" color="text.secondary">{t('inbox.customer.noRequests')}</Typography>}
            <List dense disablePadding>
              {(requests.data?.items ?? []).map((r) => (
                <ListItem key={r.id} disablePadding>
                  <ListItemButton component={RouterLink} to={`/requests/${r.id}`} sx={{ px: 0 }}>
                    <ListItemText primary={`${r.number} · ${r.serviceTypeName}`} secondary={<StatusChip status={r.status} component="span" />}
                      slotProps={{ secondary: { component: 'span' } }} />
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
            {can('servicerequests:create') && (
              <Button component={RouterLink} to="/requests/new" size="small">{t('inbox.customer.newRequest')}</Button>
            )}
          </Box>
        </>
      )}
      {creating && (
        <NewCustomerDialog initial={newCustomerFromContact(s.contactName, s.contactPhone)}
          onClose={(createdId) => {
            setCreating(false);
            if (createdId) link.mutate(createdId); // the new customer is this contact's
          }} />
      )}
    </Stack>
  );
}
