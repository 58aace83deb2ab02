import {
  Button, Dialog, DialogActions, DialogContent, DialogTitle, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useFormat, type Formatter } from '../format';
import { codeKey, type Translate } from '../translate';
import type { AuditEntry } from './api';
import { changeRows, entityLink, entityName } from './audit';

/** A value of a snapshot in words: dates in the tenant's zone, yes or no, lists joined, a dash for nothing. */
export function valueText(v: unknown, format: Formatter, t: Translate): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  if (typeof v === 'number') return format.number(v);
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return format.dateTime(v);
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return format.date(v);
    return v;
  }
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) return v.length ? v.join(', ') : '—';
  return JSON.stringify(v);
}

/** A field of a snapshot in words where the app knows it (`commercialName`: Nombre comercial), else as it is. */
export function fieldName(field: string, t: Translate): string {
  return t(codeKey('auditLog.fields', field), { defaultValue: field });
}

/** The record an entry is about, in words, linked to its page where it has one: «Cliente · Hotel Las Flores». */
export function EntityText({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const words = [t(codeKey('auditLog.entities', entry.entityType), { defaultValue: entry.entityType }), entityName(entry)]
    .filter(Boolean).join(' · ');
  const to = entityLink(entry);
  return to ? <Link component={RouterLink} to={to} onClick={(e) => e.stopPropagation()}>{words}</Link> : <>{words}</>;
}

/** What an entry changed, field by field: before on the left, after on the right. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = changeRows(entry);
  if (rows.length === 0) return <Typography color="text.secondary">{entry.summary ?? t('auditLog.noFields')}</Typography>;
  return (
    <Table size="small" aria-label={t('auditLog.changes')} data-testid="audit-changes">
      <TableHead>
        <TableRow>
          <TableCell>{t('auditLog.field')}</TableCell>
          <TableCell>{t('auditLog.before')}</TableCell>
          <TableCell>{t('auditLog.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.field}>
            <TableCell component="th" scope="row">{fieldName(r.field, t)}</TableCell>
            <TableCell sx={{ color: 'text.secondary', wordBreak: 'break-word' }}>{valueText(r.before, format, t)}</TableCell>
            <TableCell sx={{ fontWeight: 500, wordBreak: 'break-word' }}>{valueText(r.after, format, t)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** One entry in full: when, who, what record, and its before / after view. */
export function AuditEntryDialog({ entry, onClose }: { entry: AuditEntry; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="audit-entry-title">
      <DialogTitle id="audit-entry-title">
        {t(codeKey('auditLog.actions', entry.action))} · <EntityText entry={entry} />
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {format.dateTime(entry.occurredAt)} · {entry.actorName ?? (entry.actorId ? t('auditLog.unknownActor') : t('auditLog.system'))}
          {entry.summary ? ` · ${entry.summary}` : ''}
        </Typography>
        <AuditChanges entry={entry} />
      </DialogContent>
      <DialogActions><Button onClick={onClose}>{t('common.close')}</Button></DialogActions>
    </Dialog>
  );
}
