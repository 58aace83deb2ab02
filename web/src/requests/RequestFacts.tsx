import PauseCircleIcon from '@mui/icons-material/PauseCircle';
import {
  Box, Chip, LinearProgress, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow,
  Typography,
} from '@mui/material';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataSchema, ServiceRequest, Sla } from './types';
import { businessTime, SlaChip } from './ui';
import { useFormat } from '../format';
import { codeKey } from '../translate';
import { SCHEMA_FIELDS, Field } from './RequestParts';

export function TypeDataView({ schema, data }: { schema: DataSchema; data: Record<string, unknown> }) {
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

export function ItemsTable({ request }: { request: ServiceRequest }) {
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

export function SlaClockView({ sla }: { sla: Sla }) {
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
