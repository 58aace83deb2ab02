import CheckIcon from '@mui/icons-material/Check';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert, Box, Button, Card, CardContent, Chip, FormControlLabel, Stack, Step, StepLabel, Stepper, Switch, Table, TableBody,
  TableCell, TableContainer, TableHead, TableRow, Typography,
} from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { DataGrid } from '../admin/DataGrid';
import { useServerGrid } from '../admin/useServerGrid';
import { customerKeys, importsApi } from './api';
import { showProblem, type ImportResult, type ImportSummary } from './model';
import { formatTaxId, useFormat } from '../format';

const SHOWN_ROWS = 500;
const MAX_BYTES = 2 * 1024 * 1024; // the server's limit for an import

/** What an uploaded file would create: counts, then each row, the ones with errors highlighted with their messages. */
export function ImportPreview({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const [onlyErrors, setOnlyErrors] = useState(result.errorRows > 0);
  const rows = result.rows.filter((r) => !onlyErrors || r.errors.length > 0);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="import-counts">
        <Chip label={t('customers.import.total', { count: result.totalRows })} />
        <Chip color="success" label={t('customers.import.valid', { count: result.validRows })} />
        <Chip color={result.errorRows ? 'error' : 'default'} label={t('customers.import.errors', { count: result.errorRows })} />
      </Stack>
      {result.errorRows > 0 && (
        <FormControlLabel label={t('customers.import.onlyErrors')}
          control={<Switch checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} />} />
      )}
      <TableContainer sx={{ bgcolor: 'background.paper', borderRadius: 1, maxHeight: 480 }}>
        <Table size="small" stickyHeader aria-label={t('customers.import.preview')}>
          <TableHead><TableRow>
            <TableCell>{t('customers.import.line')}</TableCell>
            <TableCell>{t('customers.name')}</TableCell>
            <TableCell>{t('customers.taxId')}</TableCell>
            <TableCell>{t('customers.import.result')}</TableCell>
          </TableRow></TableHead>
          <TableBody>
            {rows.slice(0, SHOWN_ROWS).map((r) => {
              const bad = r.errors.length > 0;
              return (
                <TableRow key={r.line} data-testid={bad ? 'import-row-error' : 'import-row-ok'}
                  sx={bad ? { bgcolor: (theme) => theme.palette.mode === 'dark' ? 'rgba(244, 67, 54, 0.16)' : '#fdecea' } : undefined}>
                  <TableCell>{r.line}</TableCell>
                  <TableCell>{r.commercialName || '—'}</TableCell>
                  <TableCell>{formatTaxId(r.taxId) || '—'}</TableCell>
                  <TableCell>
                    {bad ? (
                      <Box component="ul" sx={{ m: 0, pl: 2, color: 'error.main' }} aria-label={t('customers.import.rowErrors', { line: r.line })}>
                        {r.errors.map((e, i) => (
                          <li key={i}>{e.field ? <b>{t(`customers.import.fields.${e.field}`, { defaultValue: e.field })}: </b> : null}{e.message}</li>
                        ))}
                      </Box>
                    ) : <Chip size="small" color="success" variant="outlined" icon={<CheckIcon />} label={t('customers.import.ok')} />}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {rows.length > SHOWN_ROWS && (
        <Typography variant="body2" color="text.secondary">{t('customers.import.moreRows', { count: rows.length - SHOWN_ROWS })}</Typography>
      )}
    </Stack>
  );
}

/**
 * What an import did: how many customers it created and, kept after the commit, the rows it refused with their
 * errors, which download as a CSV to fix and upload again.
 */
export function ImportReport({ result, onRestart, onFailure }: {
  result: ImportResult; onRestart(): void; onFailure(message: string): void;
}) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2}>
      <Alert severity="success" data-testid="import-done" action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" size="small" onClick={onRestart}>{t('customers.import.another')}</Button>
          <Button color="inherit" size="small" component={RouterLink} to="/customers" data-testid="import-to-list">{t('customers.import.toList')}</Button>
        </Stack>
      }>
        {t('customers.import.done', { count: result.createdCount ?? result.validRows })}
      </Alert>
      {result.errorRows > 0 && (
        <>
          <Alert severity="warning" data-testid="import-report" action={
            <Button color="inherit" size="small" startIcon={<DownloadIcon />} data-testid="import-report-download"
              onClick={() => importsApi.report(result.id, t('customers.import.reportFile')).catch((e: Error) => onFailure(e.message))}>
              {t('customers.import.report')}
            </Button>
          }>
            {t('customers.import.reportHelp')}
          </Alert>
          <ImportPreview result={result} />
        </>
      )}
    </Stack>
  );
}

/** Customer import: download the template, upload a CSV to preview, commit the valid rows; and the history of imports. */
export default function ImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [committed, setCommitted] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const history = useServerGrid(importsApi.history, {});
  const step = committed ? 3 : preview ? 1 : 0;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(showProblem(error, [], () => {}));
    } finally {
      setBusy(false);
      void client.invalidateQueries({ queryKey: customerKeys.imports });
    }
  };
  const upload = () => {
    if (file && file.size > MAX_BYTES) {
      setFailure(t('customers.fileTooLarge', { mb: MAX_BYTES / 1024 / 1024 }));
      return Promise.resolve();
    }
    return send();
  };
  const send = () => run(async () => {
    setPreview(await importsApi.preview(file!));
  });
  const commit = () => run(async () => {
    setCommitted(await importsApi.commit(preview!.id));
    void client.invalidateQueries({ queryKey: customerKeys.list });
  });
  // an unconfirmed import from the history opens again at its preview, an imported one at its report
  const reopen = (id: string) => run(async () => {
    const found = await importsApi.get(id);
    setPreview(found);
    setCommitted(found.status === 'COMMITTED' ? found : null);
    window.scrollTo({ top: 0 });
  });
  const restart = () => {
    setFile(null);
    setPreview(null);
    setCommitted(null);
    setFailure(null);
  };

  const columns: GridColDef<ImportSummary>[] = [
    { field: 'createdAt', headerName: t('customers.created'), width: 180, sortable: false, valueFormatter: (v) => format.dateTime(v as string) },
    { field: 'fileName', headerName: t('customers.import.file'), flex: 1, minWidth: 180, sortable: false },
    { field: 'status', headerName: t('customers.status'), width: 130, sortable: false,
      renderCell: (p) => <Chip size="small" color={p.value === 'COMMITTED' ? 'success' : 'default'}
        label={t(`customers.import.statuses.${String(p.value)}`, { defaultValue: String(p.value) })} /> },
    { field: 'totalRows', headerName: t('customers.import.rows'), width: 90, type: 'number', sortable: false },
    { field: 'errorRows', headerName: t('customers.import.errorRows'), width: 100, type: 'number', sortable: false },
    { field: 'createdCount', headerName: t('customers.import.created'), width: 100, type: 'number', sortable: false },
    { field: 'createdByName', headerName: t('customers.import.by'), width: 180, sortable: false },
  ];

  return (
    <Box>
      <Button component={RouterLink} to="/customers" size="small" sx={{ mb: 1 }}>← {t('customers.title')}</Button>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>{t('customers.import.title')}</Typography>
      <Stepper activeStep={step} alternativeLabel sx={{ mb: 3 }}>
        {(['stepFile', 'stepPreview', 'stepCommit'] as const).map((s) => <Step key={s}><StepLabel>{t(`customers.import.${s}`)}</StepLabel></Step>)}
      </Stepper>
      {failure && <Alert severity="error" role="alert" sx={{ mb: 2 }}>{failure}</Alert>}

      {step === 0 && (
        <Card variant="outlined"><CardContent>
          <Stack spacing={2}>
            <Typography>{t('customers.import.help')}</Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
              <Button variant="outlined" startIcon={<DownloadIcon />} data-testid="import-template"
                onClick={() => importsApi.template(t('customers.import.templateFile')).catch((e: Error) => setFailure(e.message))}>
                {t('customers.import.template')}
              </Button>
              <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
                {t('customers.import.choose')}
                <input type="file" hidden accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="import-file"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
              </Button>
              <Typography variant="body2" color="text.secondary" aria-live="polite">{file ? file.name : t('customers.noFile')}</Typography>
            </Stack>
            <Box>
              <Button variant="contained" disabled={!file || busy} onClick={() => void upload()} data-testid="import-upload">
                {t('customers.import.upload')}
              </Button>
            </Box>
          </Stack>
        </CardContent></Card>
      )}

      {step === 1 && preview && (
        <Stack spacing={2}>
          <Typography variant="h6" component="h2">{t('customers.import.previewOf', { name: preview.fileName })}</Typography>
          <ImportPreview result={preview} />
          {preview.validRows === 0 && <Alert severity="warning">{t('customers.import.nothingValid')}</Alert>}
          <Stack direction="row" spacing={2}>
            <Button onClick={restart}>{t('customers.import.another')}</Button>
            <Button variant="contained" disabled={busy || preview.validRows === 0} onClick={() => void commit()} data-testid="import-commit">
              {t('customers.import.commit', { count: preview.validRows })}
            </Button>
          </Stack>
        </Stack>
      )}

      {step === 3 && committed && <ImportReport result={committed} onRestart={restart} onFailure={setFailure} />}

      <Typography variant="h6" component="h2" sx={{ mt: 4, mb: 1 }}>{t('customers.import.history')}</Typography>
      <DataGrid autoHeight rows={history.rows} rowCount={history.rowCount} loading={history.loading} columns={columns}
        {...history.gridProps} disableColumnFilter onRowClick={(p) => void reopen(p.row.id)}
        sx={{ bgcolor: 'background.paper', '& .MuiDataGrid-row': { cursor: 'pointer' } }} />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>{t('customers.import.reopenHelp')}</Typography>
    </Box>
  );
}
