import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import EditIcon from '@mui/icons-material/EditOutlined';
import {
  Alert, Box, Button, Card, CardContent, Chip, IconButton, Link, Stack, Tab, Table, TableBody, TableCell, TableContainer,
  TableHead, TableRow, Tabs, Tooltip, Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, downloadStoredFile, type Page } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { AddressDialog } from './AddressDialog';
import { ContactDialog } from './ContactDialog';
import {
  ConfirmDialog, EditCustomerDialog, InteractionDialog, LegalEntityDialog, ReasonDialog, useOwners,
} from './CustomerDialogs';
import { DocumentDialog } from './DocumentDialog';
import {
  COUNTRIES, describeAddress, EXPIRY_COLOR, usePlaceNames, type Address, type Contact, type Customer, type LegalEntity,
  type Interaction,
} from './model';
import { useFormat } from '../format';
import { codeKey } from '../translate';

const TABS = ['overview', 'contacts', 'addresses', 'documents', 'legalEntities', 'interactions'] as const;
type TabKey = typeof TABS[number];

/** Which dialog is open, and on what. */
type Open =
  | { kind: 'edit' } | { kind: 'block' } | { kind: 'unblock' } | { kind: 'delete' }
  | { kind: 'contact'; contact?: Contact } | { kind: 'address'; address?: Address } | { kind: 'document' }
  | { kind: 'legalEntity'; entity?: LegalEntity } | { kind: 'interaction' }
  | { kind: 'remove'; what: string; label: string; path: string };

function EmptyRow({ columns, text }: { columns: number; text: string }) {
  return <TableRow><TableCell colSpan={columns} sx={{ color: 'text.secondary' }}>{text}</TableCell></TableRow>;
}

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      {action && <Stack direction="row" sx={{ mb: 1, justifyContent: 'flex-end' }}>{action}</Stack>}
      <TableContainer sx={{ bgcolor: 'background.paper', borderRadius: 1 }}>{children}</TableContainer>
    </Box>
  );
}

/** One customer: overview (edit, block, delete), contacts, addresses, documents, legal entities and interactions. */
export default function CustomerPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.includes(params.get('tab') as TabKey) ? params.get('tab') as TabKey : 'overview';
  const [open, setOpen] = useState<Open | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const canEdit = can('customers:edit');
  const customer = useQuery({ queryKey: ['customer', id], queryFn: () => api<Customer>(`/api/v1/customers/${id}`) });
  const legalEntities = useQuery({
    queryKey: ['customer', id, 'legal-entities'], enabled: tab === 'legalEntities' || tab === 'overview',
    queryFn: () => api<LegalEntity[]>(`/api/v1/customers/${id}/legal-entities`),
  });
  const interactions = useQuery({
    queryKey: ['customer', id, 'interactions'], enabled: tab === 'interactions',
    queryFn: () => api<Page<Interaction>>(`/api/v1/customers/${id}/interactions?page=0&size=50`),
  });
  const owners = useOwners();
  const places = usePlaceNames(customer.data?.country, customer.data?.addresses ?? []);

  const closed = (saved: boolean) => {
    setOpen(null);
    if (saved) {
      void client.invalidateQueries({ queryKey: ['customer', id] });
      void client.invalidateQueries({ queryKey: ['customers'] });
    }
  };

  if (customer.error) return <Alert severity="error">{(customer.error as Error).message}</Alert>;
  const c = customer.data;
  if (!c) return null;
  const ownerName = c.ownerId ? owners.data?.find((o) => o.id === c.ownerId)?.fullName : null;
  const remove = (what: string, label: string, path: string) => setOpen({ kind: 'remove', what, label, path });
  const rowActions = (label: string, onEdit: (() => void) | null, onRemove: () => void) => canEdit && (
    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
      {onEdit && <Tooltip title={t('common.edit')}><IconButton aria-label={`${t('common.edit')}: ${label}`} onClick={onEdit}><EditIcon /></IconButton></Tooltip>}
      <Tooltip title={t('common.delete')}><IconButton aria-label={`${t('common.delete')}: ${label}`} onClick={onRemove}><DeleteIcon /></IconButton></Tooltip>
    </TableCell>
  );
  const addButton = (label: string, onClick: () => void, testId: string) => canEdit && (
    <Button variant="contained" size="small" startIcon={<AddIcon />} onClick={onClick} data-testid={testId}>{label}</Button>
  );

  return (
    <Box>
      <Button component={RouterLink} to="/customers" startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>{t('customers.title')}</Button>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere', fontSize: { xs: '1.6rem', sm: '2.125rem' } }}>{c.commercialName}</Typography>
          <Chip size="small" color={c.status === 'ACTIVE' ? 'success' : 'warning'} label={t(codeKey('customers.statuses', c.status))}
            data-testid="customer-status" />
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {canEdit && <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setOpen({ kind: 'edit' })} data-testid="edit-customer">{t('common.edit')}</Button>}
          {canEdit && (c.status === 'ACTIVE'
            ? <Button variant="outlined" color="warning" startIcon={<BlockIcon />} onClick={() => setOpen({ kind: 'block' })} data-testid="block-customer">{t('customers.block')}</Button>
            : <Button variant="outlined" color="success" startIcon={<CheckCircleIcon />} onClick={() => setOpen({ kind: 'unblock' })} data-testid="unblock-customer">{t('customers.unblock')}</Button>)}
          {can('customers:delete') && <Button variant="outlined" color="error" startIcon={<DeleteIcon />} onClick={() => setOpen({ kind: 'delete' })} data-testid="delete-customer">{t('common.delete')}</Button>}
        </Stack>
      </Stack>
      {c.status === 'BLOCKED' && c.statusReason && <Alert severity="warning" sx={{ mb: 2 }}>{t('customers.blockedBecause', { reason: c.statusReason })}</Alert>}
      {failure && <Alert severity="error" sx={{ mb: 2 }} onClose={() => setFailure(null)}>{failure}</Alert>}
      <Tabs value={tab} onChange={(_, v: TabKey) => setParams(v === 'overview' ? {} : { tab: v }, { replace: true })} sx={{ mb: 2 }}
        variant="scrollable" allowScrollButtonsMobile aria-label={c.commercialName}>
        <Tab value="overview" label={t('customers.overview')} />
        <Tab value="contacts" label={`${t('customers.contacts')} (${c.contacts.length})`} />
        <Tab value="addresses" label={`${t('customers.addresses')} (${c.addresses.length})`} />
        <Tab value="documents" label={`${t('customers.documents')} (${c.documents.length})`} />
        <Tab value="legalEntities" label={t('customers.legalEntities')} />
        <Tab value="interactions" label={t('customers.interactions')} />
      </Tabs>

      {tab === 'overview' && (
        <Card variant="outlined"><CardContent>
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 2, rowGap: 1, m: 0,
            '& dt': { fontWeight: 600 }, '& dd': { m: 0, mb: { xs: 1, sm: 0 } } }}>
            <dt>{t('customers.kind')}</dt><dd>{t(c.kind === 'COMPANY' ? 'customers.company' : 'customers.person')}</dd>
            <dt>{t('customers.taxId')}</dt><dd>{c.taxId ?? '—'}</dd>
            <dt>{t('customers.country')}</dt><dd>{COUNTRIES.find((k) => k.code === c.country)?.name ?? c.country}</dd>
            <dt>{t('customers.owner')}</dt><dd>{ownerName ?? (c.ownerId ? (owners.isPending ? '…' : '—') : t('customers.noOwner'))}</dd>
            <dt>{t('customers.tags')}</dt>
            <dd><Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {c.tags.length ? c.tags.map((tag) => <Chip key={tag} size="small" label={tag} />) : '—'}
            </Stack></dd>
            <dt>{t('customers.legalEntities')}</dt>
            <dd>{legalEntities.data?.find((e) => e.isDefault)?.legalName ?? legalEntities.data?.[0]?.legalName ?? '—'}</dd>
            <dt>{t('customers.created')}</dt><dd>{format.dateTime(c.createdAt)}</dd>
            <dt>{t('customers.notes')}</dt><dd style={{ whiteSpace: 'pre-wrap' }}>{c.notes || '—'}</dd>
          </Box>
        </CardContent></Card>
      )}

      {tab === 'contacts' && (
        <Section title={t('customers.contacts')} action={addButton(t('customers.newContact'), () => setOpen({ kind: 'contact' }), 'add-contact')}>
          <Table size="small" aria-label={t('customers.contacts')}>
            <TableHead><TableRow>
              <TableCell>{t('customers.contactName')}</TableCell><TableCell>{t('customers.role')}</TableCell>
              <TableCell>{t('customers.phones')}</TableCell><TableCell>{t('customers.emails')}</TableCell>{canEdit && <TableCell />}
            </TableRow></TableHead>
            <TableBody>
              {c.contacts.length === 0 && <EmptyRow columns={5} text={t('customers.noRows')} />}
              {c.contacts.map((k) => (
                <TableRow key={k.id}>
                  <TableCell>{k.fullName}</TableCell>
                  <TableCell>{t(`customers.roles.${k.role}`, { defaultValue: k.role })}</TableCell>
                  <TableCell><Values values={k.phones} primary={t('customers.primary')} /></TableCell>
                  <TableCell><Values values={k.emails} primary={t('customers.primary')} /></TableCell>
                  {rowActions(k.fullName, () => setOpen({ kind: 'contact', contact: k }),
                    () => remove(t('customers.removeContact'), k.fullName, `/api/v1/customers/${id}/contacts/${k.id}`))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      )}

      {tab === 'addresses' && (
        <Section title={t('customers.addresses')} action={addButton(t('customers.newAddress'), () => setOpen({ kind: 'address' }), 'add-address')}>
          <Table size="small" aria-label={t('customers.addresses')}>
            <TableHead><TableRow>
              <TableCell>{t('customers.type')}</TableCell><TableCell>{t('customers.street')}</TableCell>
              <TableCell>{t('customers.reference')}</TableCell><TableCell />{canEdit && <TableCell />}
            </TableRow></TableHead>
            <TableBody>
              {c.addresses.length === 0 && <EmptyRow columns={5} text={t('customers.noRows')} />}
              {c.addresses.map((a) => (
                <TableRow key={a.id} data-testid="address-row">
                  <TableCell>{t(`customers.addressKinds.${a.kind}`, { defaultValue: a.kind })}</TableCell>
                  <TableCell>{describeAddress(a, places)}</TableCell>
                  <TableCell>{a.reference}</TableCell>
                  <TableCell>{a.mapUrl && <Link href={a.mapUrl} target="_blank" rel="noopener">{t('customers.map')}</Link>}</TableCell>
                  {rowActions(a.street, () => setOpen({ kind: 'address', address: a }),
                    () => remove(t('customers.removeAddress'), a.street, `/api/v1/customers/${id}/addresses/${a.id}`))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      )}

      {tab === 'documents' && (
        <Section title={t('customers.documents')} action={addButton(t('customers.newDocument'), () => setOpen({ kind: 'document' }), 'add-document')}>
          <Table size="small" aria-label={t('customers.documents')}>
            <TableHead><TableRow>
              <TableCell>{t('customers.type')}</TableCell><TableCell>{t('customers.number')}</TableCell>
              <TableCell>{t('customers.expires')}</TableCell><TableCell>{t('customers.validity')}</TableCell><TableCell />
            </TableRow></TableHead>
            <TableBody>
              {c.documents.length === 0 && <EmptyRow columns={5} text={t('customers.noRows')} />}
              {c.documents.map((d) => {
                const label = `${t(`customers.documentTypes.${d.type}`, { defaultValue: d.type })} ${d.number ?? ''}`.trim();
                return (
                  <TableRow key={d.id} data-testid="document-row">
                    <TableCell>{t(`customers.documentTypes.${d.type}`, { defaultValue: d.type })}</TableCell>
                    <TableCell>{d.number ?? '—'}</TableCell>
                    <TableCell>{d.expiresOn ? format.date(d.expiresOn) : '—'}</TableCell>
                    <TableCell><Chip size="small" color={EXPIRY_COLOR[d.expiry as keyof typeof EXPIRY_COLOR] ?? 'default'}
                      label={t(codeKey('customers.expiry', d.expiry))} data-testid="expiry-badge" /></TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {d.fileId && (
                        <Tooltip title={t('customers.download')}>
                          <IconButton aria-label={`${t('customers.download')}: ${label}`} data-testid="download-document"
                            onClick={() => downloadStoredFile(d.fileId!).catch((e: Error) => setFailure(e.message))}>
                            <DownloadIcon />
                          </IconButton>
                        </Tooltip>
                      )}
                      {canEdit && (
                        <Tooltip title={t('common.delete')}>
                          <IconButton aria-label={`${t('common.delete')}: ${label}`}
                            onClick={() => remove(t('customers.removeDocument'), label, `/api/v1/customers/${id}/documents/${d.id}`)}>
                            <DeleteIcon />
                          </IconButton>
                        </Tooltip>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Section>
      )}

      {tab === 'legalEntities' && (
        <Section title={t('customers.legalEntities')} action={addButton(t('customers.newLegalEntity'), () => setOpen({ kind: 'legalEntity' }), 'add-legal-entity')}>
          {legalEntities.error && <Alert severity="error">{(legalEntities.error as Error).message}</Alert>}
          <Table size="small" aria-label={t('customers.legalEntities')}>
            <TableHead><TableRow>
              <TableCell>{t('customers.legalName')}</TableCell><TableCell>{t('customers.taxId')}</TableCell>
              <TableCell>{t('customers.nrc')}</TableCell><TableCell />{canEdit && <TableCell />}
            </TableRow></TableHead>
            <TableBody>
              {legalEntities.data?.length === 0 && <EmptyRow columns={5} text={t('customers.noRows')} />}
              {legalEntities.data?.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{e.legalName}</TableCell><TableCell>{e.taxId ?? '—'}</TableCell><TableCell>{e.nrc ?? '—'}</TableCell>
                  <TableCell>{e.isDefault && <Chip size="small" color="primary" variant="outlined" label={t('customers.isDefault')} />}</TableCell>
                  {rowActions(e.legalName, () => setOpen({ kind: 'legalEntity', entity: e }),
                    () => remove(t('customers.removeLegalEntity'), e.legalName, `/api/v1/customers/${id}/legal-entities/${e.id}`))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      )}

      {tab === 'interactions' && (
        <Section title={t('customers.interactions')} action={addButton(t('customers.newInteraction'), () => setOpen({ kind: 'interaction' }), 'add-interaction')}>
          {interactions.error && <Alert severity="error">{(interactions.error as Error).message}</Alert>}
          <Table size="small" aria-label={t('customers.interactions')}>
            <TableHead><TableRow>
              <TableCell>{t('customers.when')}</TableCell><TableCell>{t('customers.type')}</TableCell><TableCell>{t('customers.summary')}</TableCell>
            </TableRow></TableHead>
            <TableBody>
              {interactions.data?.items.length === 0 && <EmptyRow columns={3} text={t('customers.noRows')} />}
              {interactions.data?.items.map((x) => (
                <TableRow key={x.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(x.occurredAt)}</TableCell>
                  <TableCell>{t(`customers.interactionKinds.${x.kind}`, { defaultValue: x.kind })}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{x.summary}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      )}

      {open?.kind === 'edit' && <EditCustomerDialog customer={c} onClose={closed} />}
      {open?.kind === 'contact' && <ContactDialog customerId={id} contact={open.contact} onClose={closed}
        hasPrimary={c.contacts.some((k) => k.role === 'PRIMARY')} />}
      {open?.kind === 'address' && <AddressDialog customerId={id} country={c.country} address={open.address} onClose={closed} />}
      {open?.kind === 'document' && <DocumentDialog customerId={id} onClose={closed} />}
      {open?.kind === 'legalEntity' && <LegalEntityDialog customerId={id} entity={open.entity} onClose={closed} />}
      {open?.kind === 'interaction' && <InteractionDialog customerId={id} onClose={closed} />}
      {(open?.kind === 'block' || open?.kind === 'unblock') && (
        <ReasonDialog title={t(open.kind === 'block' ? 'customers.blockTitle' : 'customers.unblockTitle', { name: c.commercialName })}
          text={t(open.kind === 'block' ? 'customers.blockText' : 'customers.unblockText')}
          confirm={t(open.kind === 'block' ? 'customers.block' : 'customers.unblock')} reasonOptional={open.kind === 'unblock'}
          onConfirm={(reason) => api(`/api/v1/customers/${id}/status`, { method: 'PUT',
            body: { status: open.kind === 'block' ? 'BLOCKED' : 'ACTIVE', reason: reason || undefined } })}
          onClose={closed} />
      )}
      {open?.kind === 'delete' && (
        <ReasonDialog title={t('customers.deleteTitle', { name: c.commercialName })} text={t('customers.deleteText')}
          confirm={t('common.delete')} danger
          onConfirm={(reason) => api(`/api/v1/customers/${id}`, { method: 'DELETE', body: { reason } })}
          onClose={(done) => {
            setOpen(null);
            if (done) {
              // leave first: the page's own queries would ask again for the deleted customer
              navigate('/customers', { replace: true });
              void client.invalidateQueries({ queryKey: ['customers'] });
            }
          }} />
      )}
      {open?.kind === 'remove' && (
        <ConfirmDialog title={open.what} text={t('customers.removeText', { label: open.label })}
          onConfirm={() => api(open.path, { method: 'DELETE' })} onClose={closed} />
      )}
    </Box>
  );
}

/** A contact's phones or emails, the first marked as the primary one. */
function Values({ values, primary }: { values: string[]; primary: string }) {
  if (!values.length) return <>—</>;
  return (
    <Stack spacing={0.5}>
      {values.map((v, i) => (
        <Stack key={v} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <span>{v}</span>
          {i === 0 && values.length > 1 && <Chip size="small" variant="outlined" color="primary" label={primary} />}
        </Stack>
      ))}
    </Stack>
  );
}
