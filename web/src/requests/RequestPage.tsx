import { Alert, Box, Button, LinearProgress, Link, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCustomer } from '../customers/api';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useCan } from '../shell/can';
import { requestActions } from './actions';
import { PriorityChip, SlaChip, StatusChip, TransitionDialog, type PendingMove } from './ui';
import { formatPhone, useFormat } from '../format';
import { codeKey } from '../translate';
import { Section } from '../ui/Section';
import { Field } from './RequestParts';
import { TypeDataView, ItemsTable, SlaClockView } from './RequestFacts';
import { MediaSection } from './RequestMedia';
import { HistorySection } from './RequestHistory';
import { ReassignDialog } from './ReassignDialog';
import { requestsApi, requestKeys } from './api';

export default function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const format = useFormat();
  const request = useQuery({ queryKey: requestKeys.one(id), queryFn: () => requestsApi.get(id) });
  const r = request.data;
  const customer = useCustomer(r?.customerId ?? '', !!r && can('customers:view'));
  const [move, setMove] = useState<PendingMove | null>(null);
  const [reassigning, setReassigning] = useState(false);
  if (request.error) return <Alert severity="error">{(request.error as Error).message}</Alert>;
  if (!r) return <LinearProgress aria-label={t('common.loading')} />;
  const may = requestActions(r, can);
  const contact = customer.data?.contacts.find((c) => c.id === r.contactId);
  const address = customer.data?.addresses.find((a) => a.id === r.addressId);

  return (
    <Box>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ mb: 1, alignItems: { md: 'center' } }}>
        <Typography variant="h4" component="h1" data-testid="request-number">{r.number}</Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <StatusChip status={r.status} data-testid="request-status" />
          <PriorityChip priority={r.priority} />
          {r.sla.map((c) => <SlaChip key={c.clock} clock={c.clock} status={c.status} data-testid={`request-sla-${c.clock}`} />)}
        </Stack>
      </Stack>
      <Typography sx={{ mb: 1 }}>
        <Link component={RouterLink} to={`/customers/${r.customerId}`}>{r.customerName}</Link> · {r.serviceTypeName}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="body2">
          {t('servicerequests.owner')}: <b>{r.ownerName ?? t('servicerequests.unassigned')}</b>
        </Typography>
        {may.assign && (
          <Button size="small" onClick={() => setReassigning(true)} data-testid="reassign">{t('servicerequests.reassign')}</Button>
        )}
        {may.edit && (
          <Button size="small" component={RouterLink} to={`/requests/${r.id}/edit`} data-testid="edit-request">{t('common.edit')}</Button>
        )}
      </Stack>
      {r.statusReason && <Alert severity="info" sx={{ mb: 2 }}>{t('servicerequests.reason')}: {r.statusReason}</Alert>}
      {may.moves.length > 0 && (
        <Stack direction="row" sx={{ mb: 2, flexWrap: 'wrap', gap: 1 }} role="group" aria-label={t('servicerequests.moveTo')}>
          {may.moves.map((to) => {
            const ending = to === 'CANCELLED' || to === 'LOST';
            return (
              <Button key={to} size="small" variant={ending ? 'outlined' : 'contained'} color={ending ? 'error' : 'primary'}
                onClick={() => setMove({ id: r.id, number: r.number, to })} data-testid={`transition-${to}`}>
                {t('servicerequests.transitionTo', { status: t(codeKey('servicerequests.statuses', to)) })}
              </Button>
            );
          })}
        </Stack>
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <Section title={t('servicerequests.general')}>
            <Field label={t('servicerequests.description')}><Box sx={{ whiteSpace: 'pre-wrap' }}>{r.description}</Box></Field>
            <Field label={t('servicerequests.channel')}>{t(codeKey('servicerequests.channels', r.channel))}</Field>
            <Field label={t('servicerequests.requestedDate')}>{format.date(r.requestedDate) || t('servicerequests.none')}</Field>
            <Field label={t('servicerequests.contact')}>
              {contact ? [contact.fullName, ...contact.phones.map(formatPhone), ...contact.emails].join(' · ') : t('servicerequests.none')}
            </Field>
            <Field label={t('servicerequests.address')}>
              {address ? (
                <>
                  {[address.street, address.zone, address.reference].filter(Boolean).join(', ')}{' '}
                  {address.mapUrl && <Link href={address.mapUrl} target="_blank" rel="noopener">{t('customers.map')}</Link>}
                </>
              ) : t('servicerequests.none')}
            </Field>
            <Field label={t('servicerequests.created')}>{format.dateTime(r.createdAt)}</Field>
          </Section>
          <Section title={t('servicerequests.details')}>
            <TypeDataView schema={r.dataSchema} data={r.typeData} />
          </Section>
          <Section title={t('servicerequests.items')}>
            <ItemsTable request={r} />
          </Section>
        </Stack>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <Section title={t('servicerequests.timeline')}>
            <Stack spacing={2}>{r.sla.map((c) => <SlaClockView key={c.clock} sla={c} />)}</Stack>
          </Section>
          <MediaSection request={r} editable={may.attach} />
          <HistorySection id={r.id} customer={customer.data} />
        </Stack>
      </Box>
      {move && <TransitionDialog move={move} onClose={() => setMove(null)} />}
      {reassigning && <ReassignDialog request={r} onClose={() => setReassigning(false)} />}
    </Box>
  );
}
