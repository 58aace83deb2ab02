import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, Switch, TextField,
} from '@mui/material';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formProblem } from '../api/formProblem';
import { catalogApi } from './api';
import { categorySchema, possibleParents, type Category, type CategoryForm } from './model';

/** Creates a category (under the selected one, if any) or edits one: name, parent, SKU prefix, description, active. */
export function CategoryDialog({ category, categories, parentId, onClose }: {
  category?: Category; categories: Category[]; parentId?: string; onClose(saved?: Category): void;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<CategoryForm>({
    resolver: zodResolver(categorySchema(t)),
    defaultValues: category
      ? { parentId: category.parentId ?? '', name: category.name, skuPrefix: category.skuPrefix,
        description: category.description ?? '', active: category.active }
      : { parentId: parentId ?? '', name: '', skuPrefix: '', description: '', active: true },
  });
  const { register, control, formState, watch } = form;
  const parents = possibleParents(categories, category);
  const prefix = watch('skuPrefix').trim().toUpperCase();

  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    const body = { parentId: f.parentId || null, name: f.name.trim(), skuPrefix: f.skuPrefix.trim().toUpperCase(),
      description: f.description.trim() || null, active: f.active };
    try {
      const saved = await catalogApi.saveCategory(category?.id, body);
      onClose(saved);
    } catch (error) {
      setFailure(formProblem(error, form.setError, t('common.error')));
    }
  });

  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="sm" aria-labelledby="category-title">
      <DialogTitle id="category-title">{t(category ? 'catalog.editCategory' : 'catalog.newCategory')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="category-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error" data-testid="category-error">{failure}</Alert>}
          <TextField label={t('catalog.name')} {...register('name')} error={!!formState.errors.name}
            helperText={formState.errors.name?.message} slotProps={{ htmlInput: { 'data-testid': 'category-name' } }} />
          <Controller control={control} name="parentId" render={({ field }) => (
            <TextField select label={t('catalog.parent')} {...field}>
              <MenuItem value="">{t('catalog.root')}</MenuItem>
              {parents.map((c) => <MenuItem key={c.id} value={c.id} sx={{ pl: 2 * c.depth }}>{c.path}</MenuItem>)}
            </TextField>
          )} />
          <TextField label={t('catalog.skuPrefix')} {...register('skuPrefix')} error={!!formState.errors.skuPrefix}
            helperText={formState.errors.skuPrefix?.message
              ?? (prefix ? t('catalog.prefixHelp', { prefix }) : t('catalog.prefixRule'))}
            slotProps={{ htmlInput: { 'data-testid': 'category-prefix', maxLength: 6, style: { textTransform: 'uppercase' } } }} />
          <TextField label={t('catalog.description')} {...register('description')} multiline minRows={2}
            error={!!formState.errors.description} helperText={formState.errors.description?.message} />
          <Controller control={control} name="active" render={({ field }) => (
            <FormControlLabel control={<Switch checked={field.value} onChange={(e) => field.onChange(e.target.checked)} />}
              label={t('catalog.activeCategory')} />
          )} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button type="submit" form="category-form" variant="contained" disabled={formState.isSubmitting} data-testid="save-category">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
