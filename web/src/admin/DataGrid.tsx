import { DataGrid as MuiDataGrid, type DataGridProps, type GridValidRowModel } from '@mui/x-data-grid';
import { enUS, esES } from '@mui/x-data-grid/locales';
import { useTranslation } from 'react-i18next';

/**
 * MUI's data grid in the user's language. Lives with the screens that use it, so the grid (the
 * largest dependency) never loads on the login route.
 */
export function DataGrid<R extends GridValidRowModel>(props: DataGridProps<R>) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? enUS : esES;
  return <MuiDataGrid<R> localeText={locale.components.MuiDataGrid.defaultProps.localeText} {...props} />;
}
