import type { UseQueryResult } from '@tanstack/react-query';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert, Box, Card, CardContent, Chip, IconButton, Link, Stack, Table, TableBody, TableCell, TableContainer,
  TableHead, TableRow, Tooltip,
} from '@mui/material';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/client';
import { downloadStoredFile } from '../files/api';
import {
  COUNTRIES, describeAddress, EXPIRY_COLOR, type Address, type Contact, type Customer,
  type LegalEntity, type Interaction,
} from './model';
import { formatPhone, formatTaxId, useFormat } from '../format';
import { codeKey } from '../translate';
import { useOwners, type CustomerPart } from './api';

/** What the tabs of a customer share with the page. */
interface TabProps {
  c: Customer;
  canEdit: boolean;
  setOpen: (open: Open) => void;
  remove: (what: string, label: string, part: CustomerPart) => void;
  rowActions: (label: string, onEdit: (() => void) | null, onRemove: () => void) => ReactNode;
  addButton: (label: string, onClick: () => void, testId: string) => ReactNode;
  places: Map<string, string>;
  setFailure: (message: string) => void;
  legalEntities: UseQueryResult<LegalEntity[]>;
  interactions: UseQueryResult<Page<Interaction>>;
  ownerName: string | null | undefined;
  owners: ReturnType<typeof useOwners>;
}

export function OverviewTab({ c, legalEntities, ownerName, owners }: Pick<TabProps, 'c' | 'legalEntities' | 'ownerName' | 'owners'>) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
      <Card variant="outlined"><CardContent>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 2, rowGap: 1, m: 0,
          '& dt': { fontWeight: 600 }, '& dd': { m: 0, mb: { xs: 1, sm: 0 } } }}>
          <dt>{t('customers.kind')}</dt><dd>{t(c.kind === 'COMPANY' ? 'customers.company' : 'customers.person')}</dd>
          <dt>{t('customers.taxId')}</dt><dd>{formatTaxId(c.taxId, c.country) || '—'}</dd>
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
  );
}

export function ContactsTab({ c, canEdit, setOpen, remove, rowActions, addButton }: Pick<TabProps, 'c' | 'canEdit' | 'setOpen' | 'remove' | 'rowActions' | 'addButton'>) {
  const { t } = useTranslation();
  return (
      <TableSection title={t('customers.contacts')} action={addButton(t('customers.newContact'), () => setOpen({ kind: 'contact' }), 'add-contact')}>
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
                <TableCell><Values values={k.phones.map(formatPhone)} primary={t('customers.primary')} /></TableCell>
                <TableCell><Values values={k.emails} primary={t('customers.primary')} /></TableCell>
                {rowActions(k.fullName, () => setOpen({ kind: 'contact', contact: k }),
                  () => remove(t('customers.removeContact'), k.fullName, { kind: 'contacts', id: k.id }))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableSection>
  );
}

export function AddressesTab({ c, canEdit, setOpen, remove, rowActions, addButton, places }: Pick<TabProps, 'c' | 'canEdit' | 'setOpen' | 'remove' | 'rowActions' | 'addButton' | 'places'>) {
  const { t } = useTranslation();
  return (
      <TableSection title={t('customers.addresses')} action={addButton(t('customers.newAddress'), () => setOpen({ kind: 'address' }), 'add-address')}>
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
                  () => remove(t('customers.removeAddress'), a.street, { kind: 'addresses', id: a.id }))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableSection>
  );
}

export function DocumentsTab({ c, canEdit, setOpen, remove, addButton, setFailure }: Pick<TabProps, 'c' | 'canEdit' | 'setOpen' | 'remove' | 'addButton' | 'setFailure'>) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
      <TableSection title={t('customers.documents')} action={addButton(t('customers.newDocument'), () => setOpen({ kind: 'document' }), 'add-document')}>
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
                          onClick={() => remove(t('customers.removeDocument'), label, { kind: 'documents', id: d.id })}>
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
      </TableSection>
  );
}

export function LegalEntitiesTab({ canEdit, setOpen, remove, rowActions, addButton, legalEntities }: Pick<TabProps, 'canEdit' | 'setOpen' | 'remove' | 'rowActions' | 'addButton' | 'legalEntities'>) {
  const { t } = useTranslation();
  return (
      <TableSection title={t('customers.legalEntities')} action={addButton(t('customers.newLegalEntity'), () => setOpen({ kind: 'legalEntity' }), 'add-legal-entity')}>
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
                <TableCell>{e.legalName}</TableCell><TableCell>{formatTaxId(e.taxId) || '—'}</TableCell><TableCell>{e.nrc ?? '—'}</TableCell>
                <TableCell>{e.isDefault && <Chip size="small" color="primary" variant="outlined" label={t('customers.isDefault')} />}</TableCell>
                {rowActions(e.legalName, () => setOpen({ kind: 'legalEntity', entity: e }),
                  () => remove(t('customers.removeLegalEntity'), e.legalName, { kind: 'legal-entities', id: e.id }))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableSection>
  );
}

export function InteractionsTab({ setOpen, addButton, interactions }: Pick<TabProps, 'setOpen' | 'addButton' | 'interactions'>) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
      <TableSection title={t('customers.interactions')} action={addButton(t('customers.newInteraction'), () => setOpen({ kind: 'interaction' }), 'add-interaction')}>
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
      </TableSection>
  );
}

/** Which dialog is open, and on what. */
export type Open =
  | { kind: 'edit' } | { kind: 'block' } | { kind: 'unblock' } | { kind: 'delete' }
  | { kind: 'contact'; contact?: Contact } | { kind: 'address'; address?: Address } | { kind: 'document' }
  | { kind: 'legalEntity'; entity?: LegalEntity } | { kind: 'interaction' }
  | { kind: 'remove'; what: string; label: string; part: CustomerPart };

function EmptyRow({ columns, text }: { columns: number; text: string }) {
  return <TableRow><TableCell colSpan={columns} sx={{ color: 'text.secondary' }}>{text}</TableCell></TableRow>;
}

/** A tab's table, with its add button above it. */
function TableSection({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      {action && <Stack direction="row" sx={{ mb: 1, justifyContent: 'flex-end' }}>{action}</Stack>}
      <TableContainer sx={{ bgcolor: 'background.paper', borderRadius: 1 }}>{children}</TableContainer>
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
