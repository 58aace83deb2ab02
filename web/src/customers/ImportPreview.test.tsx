import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from 'react-router';
import i18n from '../i18n';
import { ImportPreview, ImportReport } from './ImportPage';
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
    expect(screen.getAllByTestId('import-row-ok').map((r) => r.textContent)).toEqual(['2Hotel Casa Antigua—Correcta', '4Café Barista576937-KCorrecta']);
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

describe('ImportReport', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    vi.stubGlobal('fetch', vi.fn(async () => new Response('tipo,nombre_comercial,errores\r\n', { status: 200 })));
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the refused rows after the commit and downloads them to fix and upload again', async () => {
    const committed: ImportResult = { ...result, status: 'COMMITTED', createdCount: 2 };
    render(<MemoryRouter><ImportReport result={committed} onRestart={() => {}} onFailure={() => {}} /></MemoryRouter>);
    expect(screen.getByTestId('import-done')).toHaveTextContent('Se crearon 2 clientes.');
    expect(within(screen.getByTestId('import-row-error')).getByRole('list', { name: 'Errores de la línea 3' }))
      .toHaveTextContent('Nombre comercial: Obligatorio');
    await userEvent.click(screen.getByRole('button', { name: 'Descargar filas con errores' }));
    const [url] = vi.mocked(fetch).mock.calls[0] as [string];
    expect(url).toBe('/api/v1/customers/imports/i1/report');
  });

  it('says only what was created when no row was refused', () => {
    render(<MemoryRouter><ImportReport result={{ ...result, status: 'COMMITTED', errorRows: 0, createdCount: 3, rows: [] }}
      onRestart={() => {}} onFailure={() => {}} /></MemoryRouter>);
    expect(screen.queryByTestId('import-report')).toBeNull();
  });
});
