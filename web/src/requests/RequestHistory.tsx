import { Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, RequestStatus } from './types';
import { useFormat } from '../format';
import { codeKey } from '../translate';
import { Section } from '../ui/Section';
import { CustomerDetails } from './RequestParts';
import { requestsApi, requestKeys } from './api';

export function HistorySection({ id, customer }: { id: string; customer?: CustomerDetails }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery({
    queryKey: requestKeys.history(id),
    queryFn: () => requestsApi.history(id),
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
