import AddIcon from '@mui/icons-material/Add';
import {
  Alert, Box, Button, Link, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { useFormat } from '../format';
import { requestsApi } from '../requests/api';
import { StatusChip } from '../requests/ui';

const SHOWN = 50;

/** The customer's service requests, latest first, through the requests list API filtered by the customer. */
export function CustomerRequestsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const format = useFormat();
  const requests = useQuery({
    queryKey: ['servicerequests', 'of-customer', customerId],
    queryFn: () => requestsApi.search(new URLSearchParams({ customerId, size: String(SHOWN), sort: '-createdAt' })),
  });
  const items = requests.data?.items ?? [];
  return (
    <Box component="section" aria-label={t('customerActivity.requests')} data-testid="customer-requests">
      {can('servicerequests:create') && (
        <Stack direction="row" sx={{ mb: 1, justifyContent: 'flex-end' }}>
          <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/requests/new">{t('customerActivity.newRequest')}</Button>
        </Stack>
      )}
      {requests.error && <Alert severity="error">{(requests.error as Error).message}</Alert>}
      <TableContainer sx={{ bgcolor: 'background.paper', borderRadius: 1 }}>
        <Table size="small" aria-label={t('customerActivity.requests')}>
          <TableHead><TableRow>
            <TableCell>{t('customerActivity.number')}</TableCell><TableCell>{t('customerActivity.serviceType')}</TableCell>
            <TableCell>{t('customerActivity.status')}</TableCell><TableCell>{t('customerActivity.owner')}</TableCell>
            <TableCell>{t('customerActivity.requestedDate')}</TableCell><TableCell>{t('customerActivity.createdAt')}</TableCell>
          </TableRow></TableHead>
          <TableBody>
            {requests.isSuccess && items.length === 0 && (
              <TableRow><TableCell colSpan={6} sx={{ color: 'text.secondary' }}>{t('customerActivity.noRequests')}</TableCell></TableRow>
            )}
            {items.map((r) => (
              <TableRow key={r.id}>
                <TableCell><Link component={RouterLink} to={`/requests/${r.id}`}>{r.number}</Link></TableCell>
                <TableCell>{r.serviceTypeName}</TableCell>
                <TableCell><StatusChip status={r.status} /></TableCell>
                <TableCell>{r.ownerName ?? '—'}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.requestedDate ? format.date(r.requestedDate) : '—'}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(r.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {requests.data && requests.data.total > items.length && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
          {t('customerActivity.moreRequests', { shown: items.length, total: requests.data.total })}
        </Typography>
      )}
    </Box>
  );
}
