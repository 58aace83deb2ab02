import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ImportPreview } from './ImportPage';
import type { ImportResult } from './model';

const result: ImportResult = {
  id: 'i1', fileName: 'clientes.csv', status: 'PREVIEW', totalRows: 3, validRows: 2, errorRows: 1,
  rows: [
    { line: 2, commercialName: 'Hotel Casa Antigua', errors: [] },
    { line: 3, commercialName: '', errors: [{ field: 'commercialName', message: 'Obligatorio' }, { field: 'taxId', message: 'NIT no válido' }] },
    { line: 4, commercialName: 'Café Barista', taxId: '576937K', errors: [] },
  ],
};

describe('ImportPreview', () => {
  beforeEach(async () => { await i18n.changeLanguage('es'); });

  it('counts the rows and opens on the bad ones, with their messages', () => {
    render(<ImportPreview result={result} />);
    expect(screen.getByTestId('import-counts')).toHaveTextContent('3 filas2 válidas1 con errores');
    expect(screen.queryAllByTestId('import-row-ok')).toHaveLength(0);
    const bad = screen.getByTestId('import-row-error');
    expect(within(bad).getByText('3')).toBeInTheDocument();
    const errors = within(bad).getByRole('list', { name: 'Errores de la línea 3' });
    expect(errors).toHaveTextContent('Nombre comercial: Obligatorio');
    expect(errors).toHaveTextContent('NIT: NIT no válido');
  });

  it('shows every row when asked, the good ones marked correct', async () => {
    render(<ImportPreview result={result} />);
    await userEvent.click(screen.getByRole('switch', { name: 'Mostrar solo filas con errores' }));
    expect(screen.getAllByTestId('import-row-ok').map((r) => r.textContent)).toEqual(['2Hotel Casa Antigua—Correcta', '4Café Barista576937KCorrecta']);
    expect(screen.getAllByTestId('import-row-error')).toHaveLength(1);
  });

  it('shows all rows of a clean file, in English too', async () => {
    await i18n.changeLanguage('en');
    render(<ImportPreview result={{ ...result, totalRows: 1, validRows: 1, errorRows: 0, rows: [result.rows[0]] }} />);
    expect(screen.getByTestId('import-counts')).toHaveTextContent('1 row1 valid0 with errors');
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.getByTestId('import-row-ok')).toHaveTextContent('OK');
  });
});
