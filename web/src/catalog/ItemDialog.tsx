import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formProblem } from '../api/formProblem';
import { catalogApi } from './api';
import { useAuth } from '../auth/AuthContext';
import {
  CURRENCIES, itemDefaults, itemRequest, itemSchema, itemToForm, KINDS, UNITS, type Category, type Item,
  type ItemForm,
} from './model';
import { useFormat } from '../format';
import type { MessageKey } from '../translate';

/** Creates a product or service (its SKU comes from the category) or edits one; the price changes elsewhere. */
export function ItemDialog({ item, categories, categoryId, onClose }: {
  item?: Item; categories: Category[]; categoryId?: string; onClose(saved?: Item): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useAuth();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ItemForm>({
    resolver: zodResolver(itemSchema(t)),
    defaultValues: item ? itemToForm(item) : itemDefaults(me?.tenant.country, categoryId ?? ''),
  });
  const { register, control, formState } = form;
  const choices = categories.filter((c) => c.active || c.id === item?.categoryId);

  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    try {
      const saved = await catalogApi.saveItem(item?.id, itemRequest(f, item?.version));
      onClose(saved);
    } catch (error) {
      setFailure(formProblem(error, form.setError, t('common.error')));
    }
  });

  const select = (name: 'kind' | 'unit' | 'currency', values: readonly string[], labels: string, testId: string) => (
    <Controller control={control} name={name} render={({ field }) => (
      <TextField select label={t(`catalog.${name}`)} {...field} sx={{ flex: 1 }} error={!!formState.errors[name]}
        helperText={formState.errors[name]?.message} slotProps={{ select: { SelectDisplayProps: { 'data-testid': testId } as object } }}>
        {values.map((v) => <MenuItem key={v} value={v}>{t(`${labels}.${v}` as MessageKey)}</MenuItem>)}
      </TextField>
    )} />
  );

  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="sm" aria-labelledby="item-title">
      <DialogTitle id="item-title">{item ? `${t('catalog.editItem')} · ${item.sku}` : t('catalog.newItem')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="item-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error" data-testid="item-error">{failure}</Alert>}
          <Controller control={control} name="categoryId" render={({ field }) => (
            <TextField select label={t('catalog.category')} {...field} error={!!formState.errors.categoryId}
              helperText={formState.errors.categoryId?.message}
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'item-category' } as object } }}>
              {choices.map((c) => (
                <MenuItem key={c.id} value={c.id} sx={{ pl: 2 * c.depth }}>{`${c.path} (${c.skuPrefix})`}</MenuItem>
              ))}
            </TextField>
          )} />
          <TextField label={t('catalog.name')} {...register('name')} error={!!formState.errors.name}
            helperText={formState.errors.name?.message} slotProps={{ htmlInput: { 'data-testid': 'item-name' } }} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            {select('kind', KINDS, 'catalog.kinds', 'item-kind')}
            {select('unit', UNITS, 'catalog.units', 'item-unit')}
          </Stack>
          {item ? (
            <Alert severity="info">{t('catalog.priceOnlyByChange', { price: format.money(item.price, item.currency) })}</Alert>
          ) : (
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField label={t('catalog.price')} {...register('price')} error={!!formState.errors.price} sx={{ flex: 1 }}
                helperText={formState.errors.price?.message} slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'item-price' } }} />
              {select('currency', CURRENCIES, 'catalog.currencies', 'item-currency')}
            </Stack>
          )}
          <TextField label={t('catalog.vatRate')} {...register('vatRate')} error={!!formState.errors.vatRate}
            helperText={formState.errors.vatRate?.message} slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'item-vat' } }} />
          <TextField label={t('catalog.description')} {...register('description')} multiline minRows={2}
            error={!!formState.errors.description} helperText={formState.errors.description?.message} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button type="submit" form="item-form" variant="contained" disabled={formState.isSubmitting} data-testid="save-item">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
