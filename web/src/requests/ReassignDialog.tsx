import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest } from './types';
import { useOwners } from '../customers/api';
import { requestsApi, requestKeys } from './api';
import { problemMessage } from '../api/client';

export function ReassignDialog({ request, onClose }: { request: ServiceRequest; onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const owners = useOwners();
  const [owner, setOwner] = useState<string>(request.ownerId ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => requestsApi.assign(request.id, owner === 'ROUND_ROBIN' || owner === '' ? null : owner),
    onSuccess: (r) => {
      client.setQueryData(requestKeys.one(request.id), r);
      void client.invalidateQueries({ queryKey: requestKeys.all });
      void client.invalidateQueries({ queryKey: requestKeys.history(request.id) });
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
