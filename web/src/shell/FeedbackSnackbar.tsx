import { Alert, Button, Snackbar } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feedback, type Feedback } from '../api/feedback';

const TEXT = { saved: 'common.saved', deleted: 'common.deleted', undone: 'common.undone', failed: 'common.error' } as const;

/**
 * The one snackbar of the app: "Cambios guardados" after every save, "Eliminado" after every delete, with
 * "Deshacer" where the change can be put back. The request core tells it (api/feedback.ts); screens do nothing.
 */
export function FeedbackSnackbar() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [shown, setShown] = useState<(Feedback & { key: number }) | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => feedback.listen((f) => {
    setShown({ ...f, key: Date.now() });
    setOpen(true);
  }), []);

  const undo = async (f: Feedback) => {
    setOpen(false);
    try {
      await f.undo?.();
      feedback.tell({ kind: 'undone' });
    } catch {
      feedback.tell({ kind: 'failed' });
    } finally {
      // what the undone change touched is stale on every screen that shows it
      void client.invalidateQueries();
    }
  };

  return (
    <Snackbar key={shown?.key} open={open && !!shown} autoHideDuration={shown?.undo ? 8000 : 4000}
      onClose={(_, reason) => reason !== 'clickaway' && setOpen(false)}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      {shown ? (
        <Alert severity={shown.kind === 'failed' ? 'error' : 'success'} variant="filled" role="status" onClose={() => setOpen(false)} data-testid="feedback"
          action={shown.undo ? (
            <Button color="inherit" size="small" onClick={() => void undo(shown)}>{t('common.undo')}</Button>
          ) : undefined}>
          {t(TEXT[shown.kind])}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
}
