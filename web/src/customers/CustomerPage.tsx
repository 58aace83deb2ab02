import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import { Alert, Box, Button, Chip, IconButton, Stack, Tab, TableCell, Tabs, Tooltip, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { AddressDialog } from './AddressDialog';
import { ContactDialog } from './ContactDialog';
import { ConfirmDialog, ReasonDialog } from './ConfirmDialogs';
import { EditCustomerDialog } from './CustomerDialogs';
import { InteractionDialog } from './InteractionDialog';
import { LegalEntityDialog } from './LegalEntityDialog';
import { DocumentDialog } from './DocumentDialog';
import { CustomerConversations } from './CustomerConversations';
import { CustomerRequestsTab } from './CustomerRequestsTab';
import { usePlaceNames } from '../geo/api';
import { codeKey } from '../translate';
import {
  AddressesTab, ContactsTab, DocumentsTab, InteractionsTab, LegalEntitiesTab, OverviewTab, type Open,
} from './CustomerTabs';
import { customersApi, customerKeys, type CustomerPart, useCustomer, useLegalEntities, useInteractions, useOwners } from './api';

const TABS = ['overview', 'contacts', 'addresses', 'documents', 'legalEntities', 'interactions', 'requests'] as const;
type TabKey = typeof TABS[number];

/**
 * One customer: overview (edit, block, delete), contacts, addresses, documents, legal entities, interactions (with
 * their WhatsApp conversations) and service requests.
 */
export default function CustomerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as TabKey;
  const tab: TabKey = TABS.includes(asked) && (asked !== 'requests' || can('servicerequests:view')) ? asked : 'overview';
  const [open, setOpen] = useState<Open | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const canEdit = can('customers:edit');
  const customer = useCustomer(id);
  const legalEntities = useLegalEntities(id, tab === 'legalEntities' || tab === 'overview');
  const interactions = useInteractions(id, tab === 'interactions');
  const owners = useOwners();
  const places = usePlaceNames(customer.data?.country, customer.data?.addresses ?? []);

  const closed = (saved: boolean) => {
    setOpen(null);
    if (saved) {
      void client.invalidateQueries({ queryKey: customerKeys.one(id) });
      void client.invalidateQueries({ queryKey: customerKeys.list });
    }
  };

  if (customer.error) return <Alert severity="error">{(customer.error as Error).message}</Alert>;
  const c = customer.data;
  if (!c) return null;
  const ownerName = c.ownerId ? owners.data?.find((o) => o.id === c.ownerId)?.fullName : null;
  const remove = (what: string, label: string, part: CustomerPart) => setOpen({ kind: 'remove', what, label, part });
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
        {can('servicerequests:view') && <Tab value="requests" label={t('customerActivity.requests')} data-testid="tab-requests" />}
      </Tabs>

      {tab === 'overview' && <OverviewTab c={c} legalEntities={legalEntities} ownerName={ownerName} owners={owners} />}

      {tab === 'contacts' && <ContactsTab c={c} canEdit={canEdit} setOpen={setOpen} remove={remove} rowActions={rowActions} addButton={addButton} />}

      {tab === 'addresses' && <AddressesTab c={c} canEdit={canEdit} setOpen={setOpen} remove={remove} rowActions={rowActions} addButton={addButton} places={places} />}

      {tab === 'documents' && <DocumentsTab c={c} canEdit={canEdit} setOpen={setOpen} remove={remove} addButton={addButton} setFailure={setFailure} />}

      {tab === 'legalEntities' && <LegalEntitiesTab canEdit={canEdit} setOpen={setOpen} remove={remove} rowActions={rowActions} addButton={addButton} legalEntities={legalEntities} />}

      {tab === 'interactions' && <CustomerConversations customerId={id} />}
      {tab === 'interactions' && <InteractionsTab setOpen={setOpen} addButton={addButton} interactions={interactions} />}

      {tab === 'requests' && <CustomerRequestsTab customerId={id} />}

      {open?.kind === 'edit' && <EditCustomerDialog customer={c} onClose={closed} />}
      {open?.kind === 'contact' && <ContactDialog customerId={id} contact={open.contact} country={c.country} onClose={closed}
        hasPrimary={c.contacts.some((k) => k.role === 'PRIMARY')} />}
      {open?.kind === 'address' && <AddressDialog customerId={id} country={c.country} address={open.address} onClose={closed} />}
      {open?.kind === 'document' && <DocumentDialog customerId={id} onClose={closed} />}
      {open?.kind === 'legalEntity' && <LegalEntityDialog customerId={id} entity={open.entity} onClose={closed} />}
      {open?.kind === 'interaction' && <InteractionDialog customerId={id} onClose={closed} />}
      {(open?.kind === 'block' || open?.kind === 'unblock') && (
        <ReasonDialog title={t(open.kind === 'block' ? 'customers.blockTitle' : 'customers.unblockTitle', { name: c.commercialName })}
          text={t(open.kind === 'block' ? 'customers.blockText' : 'customers.unblockText')}
          confirm={t(open.kind === 'block' ? 'customers.block' : 'customers.unblock')} reasonOptional={open.kind === 'unblock'}
          onConfirm={(reason) => customersApi.setStatus(id,
            { status: open.kind === 'block' ? 'BLOCKED' : 'ACTIVE', reason: reason || undefined })}
          onClose={closed} />
      )}
      {open?.kind === 'delete' && (
        <ReasonDialog title={t('customers.deleteTitle', { name: c.commercialName })} text={t('customers.deleteText')}
          confirm={t('common.delete')} danger
          onConfirm={(reason) => customersApi.delete(id, reason)}
          onClose={(done) => {
            setOpen(null);
            if (done) {
              // leave first: the page's own queries would ask again for the deleted customer
              navigate('/customers', { replace: true });
              void client.invalidateQueries({ queryKey: customerKeys.list });
            }
          }} />
      )}
      {open?.kind === 'remove' && (
        <ConfirmDialog title={open.what} text={t('customers.removeText', { label: open.label })}
          onConfirm={() => customersApi.removePart(id, open.part)} onClose={closed} />
      )}
    </Box>
  );
}
