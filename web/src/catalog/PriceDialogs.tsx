import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell,
  TableContainer, TableHead, TablePagination, TableRow, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formProblem } from '../api/formProblem';
import { catalogApi, usePriceHistory } from './api';
import { CURRENCIES, priceSchema, toNumber, type Item, type PriceForm } from './model';
import { useFormat } from '../format';

/** A new price for an item, with the reason that goes into its price history. */
export function PriceDialog({ item, onClose }: { item: Item; onClose(saved?: Item): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<PriceForm>({
    resolver: zodResolver(priceSchema(t)),
    defaultValues: { price: String(item.price), currency: item.currency, reason: '' },
  });
  const { register, control, formState } = form;
  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    try {
      onClose(await catalogApi.changePrice(item.id,
        { price: toNumber(f.price), currency: f.currency, reason: f.reason.trim(), version: item.version }));
    } catch (error) {
      setFailure(formProblem(error, form.setError, t('common.error')));
    }
  });
  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="xs" aria-labelledby="price-title">
      <DialogTitle id="price-title">{t('catalog.changePrice')} · {item.sku}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="price-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error">{failure}</Alert>}
          <Typography variant="body2">{item.name}</Typography>
          <Typography variant="body2" color="text.secondary">
            {t('catalog.currentPrice', { price: format.money(item.price, item.currency) })}
          </Typography>
          <Stack direction="row" spacing={2}>
            <TextField label={t('catalog.newPrice')} {...register('price')} error={!!formState.errors.price} sx={{ flex: 1 }}
              helperText={formState.errors.price?.message} slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'new-price' } }} />
            <Controller control={control} name="currency" render={({ field }) => (
              <TextField select label={t('catalog.currency')} {...field} sx={{ width: 120 }}>
                {CURRENCIES.map((c) => <MenuItem key={c} value={c}>{c}</MenuItem>)}
              </TextField>
            )} />
          </Stack>
          <TextField label={t('catalog.reason')} {...register('reason')} error={!!formState.errors.reason}
            helperText={formState.errors.reason?.message} slotProps={{ htmlInput: { 'data-testid': 'price-reason', maxLength: 500 } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button type="submit" form="price-form" variant="contained" disabled={formState.isSubmitting} data-testid="save-price">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Every price the item had, newest first, paged on the server. */
export function PriceHistoryDialog({ item, onClose }: { item: Item; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(10);
  const history = usePriceHistory(item.id, page, size);
  const rows = history.data?.items ?? [];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="history-title">
      <DialogTitle id="history-title">{t('catalog.priceHistory')} · {item.sku} · {item.name}</DialogTitle>
      <DialogContent>
        {history.error && <Alert severity="error">{(history.error as Error).message}</Alert>}
        <TableContainer>
          <Table size="small" data-testid="price-history">
            <TableHead>
              <TableRow>
                <TableCell>{t('catalog.when')}</TableCell>
                <TableCell align="right">{t('catalog.oldPrice')}</TableCell>
                <TableCell align="right">{t('catalog.newPrice')}</TableCell>
                <TableCell>{t('catalog.by')}</TableCell>
                <TableCell>{t('catalog.reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{format.dateTime(r.changedAt)}</TableCell>
                  <TableCell align="right">{r.oldPrice === null ? t('catalog.initialPrice') : format.money(r.oldPrice, r.oldCurrency)}</TableCell>
                  <TableCell align="right">{format.money(r.newPrice, r.newCurrency)}</TableCell>
                  <TableCell>{r.changedByName ?? '—'}</TableCell>
                  <TableCell>{r.reason ?? ''}</TableCell>
                </TableRow>
              ))}
              {!history.isLoading && rows.length === 0 && (
                <TableRow><TableCell colSpan={5}>{t('catalog.noHistory')}</TableCell></TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePagination component="div" count={history.data?.total ?? 0} page={page} rowsPerPage={size}
          rowsPerPageOptions={[10, 20, 50]} onPageChange={(_, p) => setPage(p)}
          onRowsPerPageChange={(e) => { setSize(Number(e.target.value)); setPage(0); }}
          labelRowsPerPage={t('catalog.rowsPerPage')}
          labelDisplayedRows={({ from, to, count }) => t('catalog.displayedRows', { from, to, count })} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
