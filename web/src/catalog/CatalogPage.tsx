import AddIcon from '@mui/icons-material/Add';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import HistoryIcon from '@mui/icons-material/History';
import PriceChangeIcon from '@mui/icons-material/PriceChange';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, IconButton, List,
  ListItemButton, ListItemText, MenuItem, Paper, Snackbar, Stack, Switch, TextField, Tooltip, Typography, useMediaQuery,
  useTheme,
} from '@mui/material';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/client';
import { DataGrid } from '../admin/DataGrid';
import { useServerGrid } from '../admin/useServerGrid';
import { useAuth } from '../auth/AuthContext';
import { catalogApi, catalogKeys, useCategories } from './api';
import { CategoryDialog } from './CategoryDialog';
import { ItemDialog } from './ItemDialog';
import { CURRENCIES, KINDS, type Category, type Item } from './model';
import { PriceDialog, PriceHistoryDialog } from './PriceDialogs';
import { useFormat } from '../format';

type Open =
  | { kind: 'category'; category?: Category }
  | { kind: 'deleteCategory'; category: Category }
  | { kind: 'item'; item?: Item }
  | { kind: 'price'; item: Item }
  | { kind: 'history'; item: Item };

/** The catalog: the category tree beside (or, on phones, above) a server-paged grid of products and services. */
export default function CatalogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useAuth();
  const client = useQueryClient();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'));
  const [categoryId, setCategoryId] = useState('');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [currency, setCurrency] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const categories = useCategories();
  const tree = categories.data ?? [];
  const selected = tree.find((c) => c.id === categoryId);
  const grid = useServerGrid(catalogApi.items, {
    q: q.trim() || undefined, categoryId: categoryId || undefined, kind: kind || undefined,
    currency: currency || undefined, active: showInactive ? undefined : 'true',
  });

  const refresh = () => {
    void client.invalidateQueries({ queryKey: catalogKeys.items });
    void client.invalidateQueries({ queryKey: catalogKeys.categories });
    void client.invalidateQueries({ queryKey: catalogKeys.priceHistory });
  };
  const run = async (work: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await work();
      refresh();
    } catch (error) {
      setFailure(problemMessage(error, t('common.error')));
    }
  };

  // narrow enough to fit beside the tree on a laptop: the actions column must not scroll out of sight
  const columns: GridColDef<Item>[] = [
    { field: 'sku', headerName: t('catalog.sku'), width: 105 },
    { field: 'name', headerName: t('catalog.name'), flex: 1, minWidth: 180,
      renderCell: (p) => (
        <Box component="span" sx={{ color: p.row.active ? undefined : 'text.disabled' }}>
          {p.row.name}{p.row.active ? '' : ` (${t('catalog.inactive').toLowerCase()})`}
        </Box>
      ) },
    { field: 'categoryName', headerName: t('catalog.category'), flex: 0.6, minWidth: 110, sortable: false },
    { field: 'unit', headerName: `${t('catalog.kind')} · ${t('catalog.unit')}`, width: 135, sortable: false,
      valueGetter: (_v, row) => `${t(`catalog.kinds.${row.kind}`)} · ${t(`catalog.units.${row.unit}`)}` },
    { field: 'price', headerName: t('catalog.price'), width: 120, align: 'right', headerAlign: 'right',
      renderCell: (p) => format.money(p.row.price, p.row.currency) },
    { field: 'vatRate', headerName: t('catalog.vat'), width: 60, sortable: false, align: 'right', headerAlign: 'right',
      valueFormatter: (v) => `${Number(v)} %` },
    { field: 'actions', type: 'actions', headerName: t('catalog.actions'), width: 120, getActions: ({ row }) => [
      <GridActionsCellItem key="history" icon={<HistoryIcon />} label={t('catalog.priceHistory')}
        onClick={() => setOpen({ kind: 'history', item: row })} />,
      ...(can('catalog:edit') ? [
        <GridActionsCellItem key="price" icon={<PriceChangeIcon />} label={t('catalog.changePrice')}
          onClick={() => setOpen({ kind: 'price', item: row })} />,
        <GridActionsCellItem key="edit" icon={<EditIcon />} label={t('common.edit')} showInMenu
          onClick={() => setOpen({ kind: 'item', item: row })} />,
        <GridActionsCellItem key="active" icon={row.active ? <BlockIcon /> : <CheckCircleIcon />} showInMenu
          label={t(row.active ? 'catalog.deactivate' : 'catalog.activate')}
          onClick={() => void run(() => catalogApi.setActive(row.id, !row.active))} />,
      ] : []),
    ] },
  ];

  const categoryPicker = wide ? (
    <Paper variant="outlined" sx={{ width: 230, flexShrink: 0, alignSelf: 'flex-start' }}>
      <Typography variant="subtitle2" component="h2" sx={{ px: 2, pt: 1.5 }}>{t('catalog.categories')}</Typography>
      <List dense aria-label={t('catalog.categories')} data-testid="category-tree">
        <ListItemButton selected={categoryId === ''} onClick={() => setCategoryId('')}>
          <ListItemText primary={t('catalog.allCategories')} />
        </ListItemButton>
        {tree.map((c) => (
          <ListItemButton key={c.id} selected={c.id === categoryId} onClick={() => setCategoryId(c.id)}
            sx={{ pl: 2 * c.depth }} data-testid={`category-${c.skuPrefix}`}>
            <ListItemText primary={c.name} secondary={c.active ? c.skuPrefix : `${c.skuPrefix} · ${t('catalog.inactive')}`}
              slotProps={{ primary: { sx: { color: c.active ? undefined : 'text.disabled' } } }} />
          </ListItemButton>
        ))}
      </List>
    </Paper>
  ) : (
    <TextField select size="small" label={t('catalog.category')} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}
      sx={{ mb: 2, width: '100%' }}>
      <MenuItem value="">{t('catalog.allCategories')}</MenuItem>
      {tree.map((c) => <MenuItem key={c.id} value={c.id} sx={{ pl: 2 * c.depth }}>{`${c.name} (${c.skuPrefix})`}</MenuItem>)}
    </TextField>
  );

  return (
    <Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>{t('catalog.title')}</Typography>
        {can('catalog:create') && (
          <>
            <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setOpen({ kind: 'category' })} data-testid="new-category">
              {t('catalog.newCategory')}
            </Button>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setOpen({ kind: 'item' })} data-testid="new-item"
              disabled={tree.length === 0}>
              {t('catalog.newItem')}
            </Button>
          </>
        )}
      </Stack>
      {failure && <Alert severity="error" onClose={() => setFailure(null)} sx={{ mb: 2 }} data-testid="catalog-error">{failure}</Alert>}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        {categoryPicker}
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          {selected && (
            <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
              <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>{selected.path} · {selected.skuPrefix}</Typography>
              {can('catalog:edit') && (
                <Tooltip title={t('catalog.editCategory')}>
                  <IconButton aria-label={t('catalog.editCategory')} onClick={() => setOpen({ kind: 'category', category: selected })}
                    data-testid="edit-category"><EditIcon /></IconButton>
                </Tooltip>
              )}
              {can('catalog:delete') && (
                <Tooltip title={t('catalog.deleteCategory')}>
                  <IconButton aria-label={t('catalog.deleteCategory')} onClick={() => setOpen({ kind: 'deleteCategory', category: selected })}
                    data-testid="delete-category"><DeleteIcon /></IconButton>
                </Tooltip>
              )}
            </Stack>
          )}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
            <TextField label={t('catalog.search')} value={q} onChange={(e) => setQ(e.target.value)} size="small"
              sx={{ width: { xs: '100%', sm: 280 } }} slotProps={{ htmlInput: { 'data-testid': 'item-search' } }} />
            <TextField select size="small" label={t('catalog.kind')} value={kind} onChange={(e) => setKind(e.target.value)} sx={{ minWidth: 150 }}>
              <MenuItem value="">{t('catalog.allKinds')}</MenuItem>
              {KINDS.map((k) => <MenuItem key={k} value={k}>{t(`catalog.kinds.${k}`)}</MenuItem>)}
            </TextField>
            <TextField select size="small" label={t('catalog.currency')} value={currency} onChange={(e) => setCurrency(e.target.value)} sx={{ minWidth: 150 }}>
              <MenuItem value="">{t('catalog.allCurrencies')}</MenuItem>
              {CURRENCIES.map((c) => <MenuItem key={c} value={c}>{c}</MenuItem>)}
            </TextField>
            <FormControlLabel label={t('catalog.showInactive')}
              control={<Switch checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />} />
          </Stack>
          <DataGrid autoHeight rows={grid.rows} rowCount={grid.rowCount} loading={grid.loading} columns={columns}
            {...grid.gridProps} disableColumnFilter disableRowSelectionOnClick
            columnVisibilityModel={{ categoryName: !selected || selected.childCount > 0 }} sx={{ bgcolor: 'background.paper' }} />
        </Box>
      </Stack>

      {open?.kind === 'category' && (
        <CategoryDialog category={open.category} categories={tree} parentId={open.category ? undefined : categoryId || undefined}
          onClose={(saved) => { setOpen(null); if (saved) { refresh(); setCategoryId(saved.id); } }} />
      )}
      {open?.kind === 'deleteCategory' && (
        <Dialog open onClose={() => setOpen(null)} aria-labelledby="delete-category-title">
          <DialogTitle id="delete-category-title">{t('catalog.deleteCategory')}</DialogTitle>
          <DialogContent>{t('catalog.deleteCategoryConfirm', { name: open.category.name })}</DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(null)}>{t('common.cancel')}</Button>
            <Button color="error" variant="contained" data-testid="confirm-delete-category" onClick={() => {
              const doomed = open.category;
              setOpen(null);
              void run(async () => {
                await catalogApi.deleteCategory(doomed.id);
                setCategoryId('');
              });
            }}>{t('common.delete')}</Button>
          </DialogActions>
        </Dialog>
      )}
      {open?.kind === 'item' && (
        <ItemDialog item={open.item} categories={tree} categoryId={categoryId || undefined}
          onClose={(saved) => {
            setOpen(null);
            if (!saved) return;
            refresh();
            if (!open.item) setNotice(t('catalog.created', { name: saved.name, sku: saved.sku }));
          }} />
      )}
      {open?.kind === 'price' && (
        <PriceDialog item={open.item} onClose={(saved) => {
          setOpen(null);
          if (saved) { refresh(); setOpen({ kind: 'history', item: saved }); }
        }} />
      )}
      {open?.kind === 'history' && <PriceHistoryDialog item={open.item} onClose={() => setOpen(null)} />}
      <Snackbar open={notice !== null} autoHideDuration={6000} onClose={() => setNotice(null)} message={notice}
        slotProps={{ content: { 'data-testid': 'catalog-notice' } as object }} />
    </Box>
  );
}
