import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Box, Button, FormControlLabel, IconButton, Stack, Switch, Typography } from '@mui/material';
import { Controller, get, useFieldArray, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DESIGN_PARAMETERS, PLANT_SERVICES, TOILET_MODELS, USAGES, WATER_TYPES } from './schemas';
import { type DataSchema } from './types';
import { codeKey } from '../translate';
import { ItemForm, FormValues, FormField, grid } from './RequestFormParts';

/** The part of the form that follows the type's schema. */
export function TypeDataFields({ schema, control, errors }: { schema: DataSchema; control: Control<FormValues>; errors: FieldErrors<FormValues> }) {
  const { t } = useTranslation();
  const label = (k: string) => t(codeKey('servicerequests.fields', k));
  const values = (list: readonly string[]) => list.map((v) => ({ value: v, label: t(codeKey('servicerequests.values', v)) }));
  const f = (k: string) => `typeData.${k}`;
  const decimal = { htmlInput: { inputMode: 'decimal' as const } };
  switch (schema) {
    case 'PORTABLE_TOILETS':
      return (
        <Box sx={grid}>
          <FormField control={control} name={f('units')} label={label('units')} required slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
          <FormField control={control} name={f('model')} label={label('model')} required options={values(TOILET_MODELS)} />
          <FormField control={control} name={f('usage')} label={label('usage')} required options={values(USAGES)} />
          <FormField control={control} name={f('rentalStart')} label={label('rentalStart')} required kind="date" />
          <FormField control={control} name={f('rentalEnd')} label={label('rentalEnd')} kind="date" />
          <FormField control={control} name={f('cleaningsPerWeek')} label={label('cleaningsPerWeek')} required slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
          <FormField control={control} name={f('notes')} label={label('notes')} multiline sx={{ gridColumn: '1 / -1' }} />
        </Box>
      );
    case 'SEPTIC_TANK':
      return (
        <Box sx={grid}>
          <FormField control={control} name={f('waterType')} label={label('waterType')} required options={values(WATER_TYPES)} />
          <FormField control={control} name={f('volumeM3')} label={label('volumeM3')} required slotProps={decimal} />
          <FormField control={control} name={f('hoseDistanceM')} label={label('hoseDistanceM')} required slotProps={decimal} />
          <FormField control={control} name={f('accessConditions')} label={label('accessConditions')} required multiline sx={{ gridColumn: '1 / -1' }} />
          <FormField control={control} name={f('notes')} label={label('notes')} multiline sx={{ gridColumn: '1 / -1' }} />
        </Box>
      );
    case 'WASTEWATER_PLANT':
      return (
        <Stack spacing={2}>
          <Box sx={grid}>
            <FormField control={control} name={f('flowM3PerDay')} label={label('flowM3PerDay')} required slotProps={decimal} />
            <FormField control={control} name={f('service')} label={label('service')} required options={values(PLANT_SERVICES)} />
            <Controller control={control} name={f('siteSurveyNeeded') as 'description'} render={({ field }) => (
              <FormControlLabel label={label('siteSurveyNeeded')}
                control={<Switch checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)} name={field.name} />} />
            )} />
          </Box>
          <Typography variant="subtitle2" component="h3">{label('designParameters')}</Typography>
          <Box sx={{ ...grid, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' } }}>
            {Object.keys(DESIGN_PARAMETERS).map((k) => (
              <FormField key={k} control={control} name={f(`designParameters.${k}`)} label={label(k)} slotProps={decimal} />
            ))}
          </Box>
          <FormField control={control} name={f('notes')} label={label('notes')} multiline />
        </Stack>
      );
    case 'FREE_FORM':
      return <FreeFormRows control={control} errors={errors} />;
  }
}

function FreeFormRows({ control, errors }: { control: Control<FormValues>; errors: FieldErrors<FormValues> }) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control, name: 'typeData.rows' as 'items' });
  const rowsError = (get(errors, 'typeData.rows') as { message?: string } | undefined)?.message;
  return (
    <Stack spacing={1}>
      {rowsError && <Alert severity="error">{rowsError}</Alert>}
      {rows.fields.map((row, i) => (
        <Stack key={row.id} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
          <FormField control={control} name={`typeData.rows.${i}.key`} label={t('servicerequests.key')} size="small" sx={{ flex: 1 }} />
          <FormField control={control} name={`typeData.rows.${i}.value`} label={t('servicerequests.value')} size="small" sx={{ flex: 2 }} />
          <IconButton aria-label={t('servicerequests.removeRow', { n: i + 1 })} onClick={() => rows.remove(i)}><DeleteIcon /></IconButton>
        </Stack>
      ))}
      <Box>
        <Button startIcon={<AddIcon />} onClick={() => rows.append({ key: '', value: '' } as unknown as ItemForm)}>{t('servicerequests.addRow')}</Button>
      </Box>
    </Stack>
  );
}
