import {
  Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showProblem } from './model';

/**
 * Asks "are you sure?" with a reason, then runs the action; a failed action's problem is shown in the dialog.
 * The reason is required unless `reasonOptional`.
 */
export function ReasonDialog({ title, text, confirm, danger, reasonOptional, onConfirm, onClose }: {
  title: string; text: string; confirm: string; danger?: boolean; reasonOptional?: boolean;
  onConfirm(reason: string): Promise<unknown>; onClose(done: boolean): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const missing = !reasonOptional && !reason.trim();
  const run = async () => {
    setTouched(true);
    if (missing) return;
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm(reason.trim());
      onClose(true);
    } catch (error) {
      setFailure(showProblem(error, [], () => {}));
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="xs" aria-labelledby="reason-title" aria-describedby="reason-text">
      <DialogTitle id="reason-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText id="reason-text">{text}</DialogContentText>
          {failure && <Alert severity="error" role="alert">{failure}</Alert>}
          <TextField label={t('customers.reason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2}
            required={!reasonOptional} error={touched && missing} helperText={touched && missing ? t('validation.required') : ' '}
            slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'reason' } }} autoFocus />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button variant="contained" color={danger ? 'error' : 'primary'} disabled={busy} onClick={() => void run()} data-testid="confirm">
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** A plain "are you sure?" for removing a contact, address, document or legal entity. */
export function ConfirmDialog({ title, text, onConfirm, onClose }: {
  title: string; text: string; onConfirm(): Promise<unknown>; onClose(done: boolean): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      await onConfirm();
      onClose(true);
    } catch (error) {
      setFailure(showProblem(error, [], () => {}));
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={() => onClose(false)} maxWidth="xs" aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <DialogTitle id="confirm-title">{title}</DialogTitle>
      <DialogContent>
        {failure && <Alert severity="error" role="alert" sx={{ mb: 2 }}>{failure}</Alert>}
        <DialogContentText id="confirm-text">{text}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button variant="contained" color="error" disabled={busy} onClick={() => void run()} data-testid="confirm">
          {t('common.delete')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
