import {
  Alert, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, type ChipProps,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { needsReason } from './board';
import type { Priority, RequestStatus, ServiceRequest, SlaStatus } from './types';
import type { Translate } from '../translate';
import { requestsApi, requestKeys } from './api';
import { problemMessage } from '../api/client';

export const SLA_COLOR: Record<SlaStatus, ChipProps['color']> = {
  ON_TRACK: 'info', AT_RISK: 'warning', BREACHED: 'error', FULFILLED: 'success', STOPPED: 'default',
};

/**
 * Filled chips in colours that keep text readable (WCAG AA): MUI's own info and warning pairs with
 * white text fall short of 4.5:1, so those two get a darker blue and an amber with dark text.
 */
const TONE_SX = {
  info: { bgcolor: '#01579b', color: '#fff' },
  warning: { bgcolor: '#ffb74d', color: 'rgba(0, 0, 0, 0.87)' },
} as const;
export function toneSx(color: ChipProps['color']) {
  return color === 'info' || color === 'warning' ? TONE_SX[color] : undefined;
}

const PRIORITY_COLOR: Record<Priority, ChipProps['color']> = { LOW: 'default', NORMAL: 'primary', HIGH: 'warning', URGENT: 'error' };
const STATUS_TONE: Partial<Record<RequestStatus, string>> = {
  NEW: 'info.main', WAITING_ON_CUSTOMER: 'warning.main', PENDING_APPROVAL: 'warning.main', COMPLETED: 'success.main',
  CANCELLED: 'text.disabled', LOST: 'text.disabled',
};

/** A status: outlined, the border in the status's tone, the text in the page's colour. */
export function StatusChip({ status, sx, ...rest }: { status: RequestStatus } & ChipProps) {
  const { t } = useTranslation();
  return (
    <Chip size="small" variant="outlined" label={t(`servicerequests.statuses.${status}`)}
      sx={{ borderColor: STATUS_TONE[status] ?? 'primary.main', borderWidth: 2, ...sx }} {...rest} />
  );
}

export function PriorityChip({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  const color = PRIORITY_COLOR[priority];
  return <Chip size="small" color={color} sx={toneSx(color)} label={t(`servicerequests.priorities.${priority}`)} />;
}

/** One SLA clock's status; with `clock`, the chip names it ("Respuesta: Cumplido"). */
export function SlaChip({ status, clock, ...rest }: { status: SlaStatus | null; clock?: 'RESPONSE' | 'RESOLUTION' } & ChipProps) {
  const { t } = useTranslation();
  if (!status) return null;
  const label = t(`servicerequests.sla.${status}`);
  return (
    <Chip size="small" color={SLA_COLOR[status]} sx={toneSx(SLA_COLOR[status])} data-sla={status}
      label={clock ? t('servicerequests.slaChip', { clock: t(`servicerequests.clocks.${clock}`), status: label }) : label} {...rest} />
  );
}


/** A move waiting for confirmation: the reason (cancelled, lost) or an optional comment. */
export interface PendingMove { id: string; number: string; to: RequestStatus }

/**
 * Asks for the reason or comment of a move and makes it; refreshes the lists and the request.
 * Shows the server's refusal (illegal move, approval required, not an approver) in the dialog.
 */
export function TransitionDialog({ move, onClose }: { move: PendingMove; onClose(done?: ServiceRequest): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonNeeded = needsReason(move.to);
  const status = t(`servicerequests.statuses.${move.to}`);

  const submit = async () => {
    if (reasonNeeded && !comment.trim()) {
      setError(t('servicerequests.validation.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const done = await requestsApi.move(move.id, { to: move.to, comment: comment.trim() || undefined });
      client.setQueryData(requestKeys.one(move.id), done);
      void client.invalidateQueries({ queryKey: requestKeys.all });
      void client.invalidateQueries({ queryKey: requestKeys.history(move.id) });
      onClose(done);
    } catch (e) {
      setError(problemMessage(e, t('common.error')));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="xs" aria-labelledby="move-title">
      <DialogTitle id="move-title">{t('servicerequests.moveTitle', { number: move.number, status })}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="move-form" spacing={2} sx={{ pt: 1 }} noValidate
          onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          {error && <Alert severity="error" data-testid="move-error">{error}</Alert>}
          <TextField autoFocus multiline minRows={2} value={comment} onChange={(e) => setComment(e.target.value)}
            label={reasonNeeded ? t('servicerequests.reason') : t('servicerequests.comment')} required={reasonNeeded}
            slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'move-comment' } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button type="submit" form="move-form" variant="contained" disabled={busy} data-testid="confirm-move">
          {t('servicerequests.move')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** "3 h 20 min" of business time. */
export function businessTime(t: Translate, minutes: number): string {
  return t('servicerequests.businessTime', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
