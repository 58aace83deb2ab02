import AttachFileIcon from '@mui/icons-material/AttachFile';
import DeleteIcon from '@mui/icons-material/Delete';
import PauseCircleIcon from '@mui/icons-material/PauseCircle';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import {
  Alert, Box, Button, Card, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, LinearProgress, Link,
  List, ListItem, ListItemText, MenuItem, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { api, upload } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import type { DataSchema, HistoryEntry, RequestStatus, ServiceRequest, Sla, StoredFile } from './types';
import {
  businessTime, PriorityChip, problemMessage, SlaChip, StatusChip, TransitionDialog, useOwners,
  type PendingMove,
} from './ui';
import { useFormat } from '../format';
import { codeKey } from '../translate';

interface CustomerDetails {
  id: string; commercialName: string;
  contacts: { id: string; fullName: string; phones: string[]; emails: string[] }[];
  addresses: { id: string; kind: string; street: string; zone: string | null; reference: string | null; mapUrl: string | null }[];
}

/** The fields of each schema in the order they are shown. */
export const SCHEMA_FIELDS: Record<DataSchema, string[]> = {
  PORTABLE_TOILETS: ['units', 'model', 'usage', 'rentalStart', 'rentalEnd', 'cleaningsPerWeek', 'notes'],
  SEPTIC_TANK: ['waterType', 'volumeM3', 'accessConditions', 'hoseDistanceM', 'notes'],
  WASTEWATER_PLANT: ['flowM3PerDay', 'service', 'siteSurveyNeeded', 'designParameters', 'notes'],
  FREE_FORM: [],
};

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>{title}</Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '200px 1fr' }, gap: { sm: 2 }, py: 0.5 }}>
      <Typography variant="body2" color="text.secondary">{label}</Typography>
      <Typography variant="body2" component="div">{children}</Typography>
    </Box>
  );
}

export default function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const format = useFormat();
  const request = useQuery({ queryKey: ['service-request', id], queryFn: () => api<ServiceRequest>(`/api/v1/service-requests/${id}`) });
  const r = request.data;
  const customer = useQuery({
    queryKey: ['customer', r?.customerId],
    queryFn: () => api<CustomerDetails>(`/api/v1/customers/${r?.customerId}`),
    enabled: !!r && can('customers:view'),
  });
  const [move, setMove] = useState<PendingMove | null>(null);
  const [reassigning, setReassigning] = useState(false);
  if (request.error) return <Alert severity="error">{(request.error as Error).message}</Alert>;
  if (!r) return <LinearProgress aria-label={t('common.loading')} />;
  const editable = can('servicerequests:edit');
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
        {can('servicerequests:assign') && r.allowedTransitions.length > 0 && (
          <Button size="small" onClick={() => setReassigning(true)} data-testid="reassign">{t('servicerequests.reassign')}</Button>
        )}
        {editable && r.allowedTransitions.length > 0 && (
          <Button size="small" component={RouterLink} to={`/requests/${r.id}/edit`} data-testid="edit-request">{t('common.edit')}</Button>
        )}
      </Stack>
      {r.statusReason && <Alert severity="info" sx={{ mb: 2 }}>{t('servicerequests.reason')}: {r.statusReason}</Alert>}
      {editable && r.allowedTransitions.length > 0 && (
        <Stack direction="row" sx={{ mb: 2, flexWrap: 'wrap', gap: 1 }} role="group" aria-label={t('servicerequests.moveTo')}>
          {r.allowedTransitions.map((to) => {
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
              {contact ? [contact.fullName, ...contact.phones, ...contact.emails].join(' · ') : t('servicerequests.none')}
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
          <MediaSection request={r} editable={editable && can('files:create') && r.allowedTransitions.length > 0} />
          <HistorySection id={r.id} customer={customer.data} />
        </Stack>
      </Box>
      {move && <TransitionDialog move={move} onClose={() => setMove(null)} />}
      {reassigning && <ReassignDialog request={r} onClose={() => setReassigning(false)} />}
    </Box>
  );
}

function TypeDataView({ schema, data }: { schema: DataSchema; data: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const label = (key: string) => (i18n.exists(`servicerequests.fields.${key}`) ? t(codeKey('servicerequests.fields', key)) : key);
  const show = (v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '') return t('servicerequests.none');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'number') return format.number(v);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return format.date(v);
    if (typeof v === 'string' && i18n.exists(`servicerequests.values.${v}`) && schema !== 'FREE_FORM') return t(codeKey('servicerequests.values', v));
    if (typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      return entries.length === 0 ? t('servicerequests.none')
        : entries.map(([k, x]) => `${label(k)}: ${typeof x === 'number' ? format.number(x) : String(x)}`).join(' · ');
    }
    return String(v);
  };
  const keys = schema === 'FREE_FORM' ? Object.keys(data) : SCHEMA_FIELDS[schema].filter((k) => k in data || k !== 'notes');
  return (
    <Box data-testid="type-data">
      <Chip size="small" variant="outlined" label={t(codeKey('servicerequests.schemas', schema))} sx={{ mb: 1 }} />
      {keys.length === 0 && <Typography variant="body2">{t('servicerequests.none')}</Typography>}
      {keys.map((k) => <Field key={k} label={label(k)}>{show(data[k])}</Field>)}
    </Box>
  );
}

function ItemsTable({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (request.items.length === 0) return <Typography variant="body2">{t('servicerequests.noItems')}</Typography>;
  return (
    <TableContainer>
      <Table size="small" aria-label={t('servicerequests.items')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('servicerequests.itemDescription')}</TableCell>
            <TableCell align="right">{t('servicerequests.quantity')}</TableCell>
            <TableCell align="right">{t('servicerequests.unitPrice')}</TableCell>
            <TableCell align="right">{t('servicerequests.vat')}</TableCell>
            <TableCell align="right">{t('servicerequests.total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {request.items.map((i) => (
            <TableRow key={i.id}>
              <TableCell>{i.sku && <Typography variant="caption" component="span">{i.sku} · </Typography>}{i.description}</TableCell>
              <TableCell align="right">{format.number(i.quantity)} {i.unit && t(`servicerequests.units.${i.unit}`, { defaultValue: i.unit })}</TableCell>
              <TableCell align="right">{format.money(i.unitPrice, i.currency)}</TableCell>
              <TableCell align="right">{format.money(i.vat, i.currency)} ({format.number(i.vatRate)} %)</TableCell>
              <TableCell align="right">{format.money(i.total, i.currency)}</TableCell>
            </TableRow>
          ))}
          {request.totals.map((tot) => (
            <TableRow key={tot.currency} sx={{ '& td': { fontWeight: 600 } }} data-testid={`totals-${tot.currency}`}>
              <TableCell colSpan={2}>{t('servicerequests.totals', { currency: tot.currency })}</TableCell>
              <TableCell align="right">{t('servicerequests.subtotal')}: {format.money(tot.subtotal, tot.currency)}</TableCell>
              <TableCell align="right">{format.money(tot.vat, tot.currency)}</TableCell>
              <TableCell align="right">{format.money(tot.total, tot.currency)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

const PROGRESS_COLOR = { ON_TRACK: 'info', AT_RISK: 'warning', BREACHED: 'error', FULFILLED: 'success', STOPPED: 'inherit' } as const;

function SlaClockView({ sla }: { sla: Sla }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = t(codeKey('servicerequests.clocks', sla.clock));
  if (sla.targetMinutes === null || !sla.status) {
    return <Typography variant="body2"><b>{name}</b>: {t('servicerequests.noPolicy')}</Typography>;
  }
  const percent = Math.min(100, Math.round((sla.elapsedMinutes / sla.targetMinutes) * 100));
  return (
    <Box data-testid={`sla-clock-${sla.clock}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <Typography variant="subtitle2" sx={{ flexGrow: 1 }}>{name}</Typography>
        {sla.paused && <Chip size="small" icon={<PauseCircleIcon />} label={t('servicerequests.paused')} />}
        <SlaChip status={sla.status} />
      </Stack>
      <LinearProgress variant="determinate" value={percent} color={PROGRESS_COLOR[sla.status]}
        aria-label={`${name}: ${t('servicerequests.elapsed')} ${percent} %`} sx={{ height: 8, borderRadius: 1, mb: 1 }} />
      <Field label={t('servicerequests.target')}>{businessTime(t, sla.targetMinutes)}</Field>
      <Field label={t('servicerequests.elapsed')}>{businessTime(t, sla.elapsedMinutes)}</Field>
      {sla.atRiskAt && <Field label={t('servicerequests.atRiskAt')}>{format.dateTime(sla.atRiskAt)}</Field>}
      {sla.dueAt && <Field label={t('servicerequests.dueAt')}>{format.dateTime(sla.dueAt)}</Field>}
      {sla.metAt && <Field label={t('servicerequests.met')}>{format.dateTime(sla.metAt)}</Field>}
    </Box>
  );
}

function MediaSection({ request, editable }: { request: ServiceRequest; editable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      const stored = await upload<StoredFile>(`/api/v1/files?ownerType=service_request&ownerId=${request.id}`, form);
      return api<ServiceRequest>(`/api/v1/service-requests/${request.id}/media`, { method: 'POST', body: { fileId: stored.id } });
    },
    onSuccess: (r) => { setFailure(null); client.setQueryData(['service-request', request.id], r); },
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => api(`/api/v1/service-requests/${request.id}/media/${fileId}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['service-request', request.id] }),
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
  const meta = useQuery({ queryKey: ['file', fileId], queryFn: () => api<StoredFile>(`/api/v1/files/${fileId}`), staleTime: 300_000 });
  const link = useQuery({
    queryKey: ['file-link', fileId],
    queryFn: () => api<{ url: string }>(`/api/v1/files/${fileId}/link`, { method: 'POST' }),
    staleTime: 60_000,
  });
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

function HistorySection({ id, customer }: { id: string; customer?: CustomerDetails }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery({
    queryKey: ['service-request-history', id],
    queryFn: () => api<HistoryEntry[]>(`/api/v1/service-requests/${id}/history`),
  });
  const status = (s: string | null) => (s ? t(codeKey('servicerequests.statuses', s as RequestStatus)) : t('servicerequests.none'));
  const fieldLabel = (f: string | null) => {
    if (!f) return '';
    const key = f.startsWith('typeData.') ? f.slice('typeData.'.length) : f; // a type's field: its own label
    return t(`servicerequests.fields.${key}`, { defaultValue: key });
  };
  // contacts and sites are stored by id: show their names (a removed one keeps its id)
  const named = (field: string | null, value: string | null): string => {
    if (value === null) return t('servicerequests.none');
    if (field === 'contactId') return customer?.contacts.find((c) => c.id === value)?.fullName ?? value;
    if (field === 'addressId') {
      const a = customer?.addresses.find((x) => x.id === value);
      return a ? [a.street, a.zone].filter(Boolean).join(', ') : value;
    }
    if (field === 'priority') return t(`servicerequests.priorities.${value}`, { defaultValue: value });
    return value;
  };
  const text = (e: HistoryEntry): string => {
    switch (e.kind) {
      case 'TRANSITION':
        return e.from ? `${status(e.from)} → ${status(e.to)}` : `${t('servicerequests.historyCreated')}: ${status(e.to)}`;
      case 'CHANGE':
        return t('servicerequests.historyChange', { field: fieldLabel(e.field), from: named(e.field, e.from), to: named(e.field, e.to) });
      case 'ASSIGNMENT':
        return `${t('servicerequests.historyAssigned', { from: e.from ?? t('servicerequests.unassigned'), to: e.to ?? t('servicerequests.unassigned') })}`
          + (e.field ? ` (${t(`servicerequests.assignmentMethods.${e.field}`, { defaultValue: e.field })})` : '');
      case 'SLA':
        return t('servicerequests.historySla', {
          clock: t(`servicerequests.clocks.${e.field}`, { defaultValue: e.field ?? '' }),
          status: t(`servicerequests.sla.${e.to}`, { defaultValue: e.to ?? '' }),
        });
    }
  };
  const entries = [...(history.data ?? [])].reverse(); // newest first
  return (
    <Section title={t('servicerequests.history')}>
      {entries.length === 0 && <Typography variant="body2">{t('servicerequests.noHistory')}</Typography>}
      <List dense disablePadding data-testid="history">
        {entries.map((e, i) => (
          <ListItem key={`${e.at}-${i}`} disableGutters alignItems="flex-start"
            sx={{ borderLeft: 3, borderColor: e.kind === 'SLA' ? 'warning.main' : e.kind === 'TRANSITION' ? 'primary.main' : 'divider', pl: 1.5, mb: 0.5 }}>
            <ListItemText
              primary={text(e)}
              secondary={
                <>
                  {format.dateTime(e.at)} · {t('servicerequests.by', { name: e.actorName ?? t('servicerequests.system') })}
                  {e.comment && <Box component="span" sx={{ display: 'block', fontStyle: 'italic' }}>«{e.comment}»</Box>}
                </>
              } />
          </ListItem>
        ))}
      </List>
    </Section>
  );
}

function ReassignDialog({ request, onClose }: { request: ServiceRequest; onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const owners = useOwners();
  const [owner, setOwner] = useState<string>(request.ownerId ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api<ServiceRequest>(`/api/v1/service-requests/${request.id}/owner`, {
      method: 'PUT', body: { ownerId: owner === 'ROUND_ROBIN' || owner === '' ? null : owner },
    }),
    onSuccess: (r) => {
      client.setQueryData(['service-request', request.id], r);
      void client.invalidateQueries({ queryKey: ['service-requests'] });
      void client.invalidateQueries({ queryKey: ['service-request-history', request.id] });
      onClose();
    },
    onError: (e) => setFailure(problemMessage(e, t('common.error'))),
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="reassign-title">
      <DialogTitle id="reassign-title">{t('servicerequests.reassignTitle')}</DialogTitle>
      <DialogContent>
        {failure && <Alert severity="error" sx={{ mb: 1 }}>{failure}</Alert>}
        <TextField select fullWidth label={t('servicerequests.owner')} value={owner} onChange={(e) => setOwner(e.target.value)} sx={{ mt: 1 }}>
          <MenuItem value="ROUND_ROBIN">{t('servicerequests.roundRobin')}</MenuItem>
          {(owners.data ?? []).map((o) => <MenuItem key={o.id} value={o.id}>{o.fullName}</MenuItem>)}
        </TextField>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => save.mutate()} disabled={save.isPending || owner === ''} data-testid="save-owner">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
