import {
  Alert, Box, Card, CardContent, Chip, Link, Stack, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api/client';

interface Customer {
  id: string; kind: string; commercialName: string; taxId: string | null; country: string; status: string;
  statusReason: string | null; tags: string[]; notes: string | null;
  contacts: { id: string; fullName: string; role: string; phones: string[]; emails: string[] }[];
  addresses: { id: string; kind: string; municipalityId: string; zone: string | null; street: string; reference: string | null; mapUrl: string | null }[];
  documents: { id: string; type: string; number: string | null; expiresOn: string | null; expiry: string }[];
}

const EXPIRY_COLOR = { NONE: 'default', VALID: 'success', EXPIRING: 'warning', EXPIRED: 'error' } as const;

/** One customer: overview, contacts, addresses (with a map link) and documents (with expiry badges). */
export default function CustomerPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [tab, setTab] = useState(0);
  const customer = useQuery({ queryKey: ['customer', id], queryFn: () => api<Customer>(`/api/v1/customers/${id}`) });
  if (customer.error) return <Alert severity="error">{(customer.error as Error).message}</Alert>;
  const c = customer.data;
  if (!c) return null;
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="h4" component="h1">{c.commercialName}</Typography>
        <Chip size="small" color={c.status === 'ACTIVE' ? 'success' : 'warning'} label={t(`customers.statuses.${c.status}`)} />
      </Stack>
      <Tabs value={tab} onChange={(_, v: number) => setTab(v)} sx={{ mb: 2 }} variant="scrollable">
        <Tab label={t('customers.overview')} />
        <Tab label={`${t('customers.contacts')} (${c.contacts.length})`} />
        <Tab label={`${t('customers.addresses')} (${c.addresses.length})`} />
        <Tab label={`${t('customers.documents')} (${c.documents.length})`} />
      </Tabs>
      {tab === 0 && (
        <Card variant="outlined"><CardContent>
          <Typography><b>{t('customers.kind')}:</b> {t(c.kind === 'COMPANY' ? 'customers.company' : 'customers.person')}</Typography>
          <Typography><b>{t('customers.taxId')}:</b> {c.taxId ?? '—'}</Typography>
          <Typography><b>{t('customers.country')}:</b> {c.country === 'GT' ? 'Guatemala' : 'El Salvador'}</Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 1 }}>{c.tags.map((tag) => <Chip key={tag} size="small" label={tag} />)}</Stack>
          {c.notes && <Typography sx={{ mt: 2 }}>{c.notes}</Typography>}
        </CardContent></Card>
      )}
      {tab === 1 && (
        <Table size="small" aria-label={t('customers.contacts')}>
          <TableHead><TableRow><TableCell>{t('customers.contactName')}</TableCell><TableCell>{t('customers.phone')}</TableCell><TableCell>{t('customers.email')}</TableCell></TableRow></TableHead>
          <TableBody>{c.contacts.map((k) => (
            <TableRow key={k.id}><TableCell>{k.fullName}</TableCell><TableCell>{k.phones.join(', ')}</TableCell><TableCell>{k.emails.join(', ')}</TableCell></TableRow>
          ))}</TableBody>
        </Table>
      )}
      {tab === 2 && (
        <Table size="small" aria-label={t('customers.addresses')}>
          <TableHead><TableRow><TableCell>{t('customers.type')}</TableCell><TableCell>{t('customers.street')}</TableCell><TableCell>{t('customers.reference')}</TableCell><TableCell /></TableRow></TableHead>
          <TableBody>{c.addresses.map((a) => (
            <TableRow key={a.id}>
              <TableCell>{a.kind}</TableCell>
              <TableCell>{[a.street, a.zone, a.municipalityId].filter(Boolean).join(', ')}</TableCell>
              <TableCell>{a.reference}</TableCell>
              <TableCell>{a.mapUrl && <Link href={a.mapUrl} target="_blank" rel="noopener">{t('customers.map')}</Link>}</TableCell>
            </TableRow>
          ))}</TableBody>
        </Table>
      )}
      {tab === 3 && (
        <Table size="small" aria-label={t('customers.documents')}>
          <TableHead><TableRow><TableCell>{t('customers.type')}</TableCell><TableCell>{t('customers.number')}</TableCell><TableCell>{t('customers.expires')}</TableCell><TableCell /></TableRow></TableHead>
          <TableBody>{c.documents.map((d) => (
            <TableRow key={d.id}>
              <TableCell>{d.type}</TableCell><TableCell>{d.number ?? '—'}</TableCell><TableCell>{d.expiresOn ?? '—'}</TableCell>
              <TableCell><Chip size="small" color={EXPIRY_COLOR[d.expiry as keyof typeof EXPIRY_COLOR]} label={t(`customers.expiry.${d.expiry}`)} /></TableCell>
            </TableRow>
          ))}</TableBody>
        </Table>
      )}
    </Box>
  );
}
