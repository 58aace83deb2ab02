import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert, Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField,
} from '@mui/material';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useDepartments, useDistricts, useMunicipalities, useZones } from '../geo/api';
import { ADDRESS_KINDS, showProblem, type Address } from './model';
import type { Translate } from '../translate';
import { customersApi } from './api';

function coordinate(limit: number, message: string) {
  return z.string().trim().refine((v) => v === '' || (Number.isFinite(Number(v)) && Math.abs(Number(v)) <= limit), message);
}

/** The address form's rules: the place from the catalog, a street, and both coordinates or neither. */
export function addressSchema(t: Translate, needsDistrict: boolean) {
  return z.object({
    kind: z.enum(ADDRESS_KINDS),
    departmentId: z.string().min(1, t('validation.required')),
    municipalityId: z.string().min(1, t('validation.required')),
    districtId: needsDistrict ? z.string().min(1, t('validation.required')) : z.string(),
    zone: z.string().trim().max(40),
    street: z.string().trim().min(1, t('validation.required')).max(300),
    reference: z.string().trim().max(300),
    latitude: coordinate(90, t('validation.latitude')),
    longitude: coordinate(180, t('validation.longitude')),
  }).refine((a) => (a.latitude === '') === (a.longitude === ''), { path: ['longitude'], message: t('validation.bothCoordinates') });
}
type AddressForm = z.infer<ReturnType<typeof addressSchema>>;
const FIELDS = ['kind', 'departmentId', 'municipalityId', 'districtId', 'zone', 'street', 'reference', 'latitude', 'longitude'] as const;

/** Adds or edits an address, choosing department, municipality and (in El Salvador) district from the catalog. */
export function AddressDialog({ customerId, country, address, onClose }: {
  customerId: string; country: string; address?: Address; onClose(saved: boolean): void;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const needsDistrict = useRef(false); // known once the municipality's districts load
  const form = useForm<AddressForm>({
    resolver: (values, context, options) => zodResolver(addressSchema(t, needsDistrict.current))(values, context, options),
    defaultValues: {
      kind: (address?.kind as AddressForm['kind']) ?? 'SERVICE_SITE', departmentId: address?.departmentId ?? '',
      municipalityId: address?.municipalityId ?? '', districtId: address?.districtId ?? '', zone: address?.zone ?? '',
      street: address?.street ?? '', reference: address?.reference ?? '',
      latitude: address?.latitude == null ? '' : String(address.latitude),
      longitude: address?.longitude == null ? '' : String(address.longitude),
    },
  });
  const { register, control, formState, watch, setValue } = form;
  const departmentId = watch('departmentId');
  const municipalityId = watch('municipalityId');
  const departments = useDepartments(country);
  const municipalities = useMunicipalities(departmentId || undefined);
  const districts = useDistricts(municipalityId || undefined);
  const zones = useZones(municipalityId || undefined);
  const hasDistricts = (districts.data?.length ?? 0) > 0;
  needsDistrict.current = hasDistricts;

  const submit = form.handleSubmit(async (f) => {
    setFailure(null);
    const blank = (v: string) => v.trim() || undefined;
    const body = {
      kind: f.kind, departmentId: f.departmentId, municipalityId: f.municipalityId, districtId: blank(f.districtId),
      zone: blank(f.zone), street: f.street.trim(), reference: blank(f.reference),
      latitude: f.latitude ? Number(f.latitude) : undefined, longitude: f.longitude ? Number(f.longitude) : undefined,
    };
    try {
      await customersApi.saveAddress(customerId, address?.id, body);
      onClose(true);
    } catch (error) {
      setFailure(showProblem(error, FIELDS, form.setError));
    }
  });

  const place = (name: 'departmentId' | 'municipalityId' | 'districtId', label: string,
    options: { id: string; name: string }[] | undefined, onPick?: () => void) => (
    <Controller control={control} name={name} render={({ field, fieldState }) => (
      <TextField select {...field} label={label} disabled={!options} error={!!fieldState.error} helperText={fieldState.error?.message}
        onChange={(e) => { field.onChange(e.target.value); onPick?.(); }} sx={{ flex: 1, minWidth: 0 }}
        slotProps={{ htmlInput: { 'data-testid': `address-${name}` } }}>
        {(options ?? []).map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
        {/* keeps MUI quiet while the catalog loads for an address being edited */}
        {field.value && !options?.some((p) => p.id === field.value) && <MenuItem value={field.value} sx={{ display: 'none' }}>…</MenuItem>}
      </TextField>
    )} />
  );

  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm" aria-labelledby="address-dialog-title">
      <DialogTitle id="address-dialog-title">{address ? t('customers.editAddress') : t('customers.newAddress')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="address-form" spacing={2} sx={{ pt: 1 }} noValidate onSubmit={submit}>
          {failure && <Alert severity="error" role="alert">{failure}</Alert>}
          <Controller control={control} name="kind" render={({ field }) => (
            <TextField select label={t('customers.type')} {...field}>
              {ADDRESS_KINDS.map((k) => <MenuItem key={k} value={k}>{t(`customers.addressKinds.${k}`)}</MenuItem>)}
            </TextField>
          )} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            {place('departmentId', t('customers.department'), departments.data, () => {
              setValue('municipalityId', '');
              setValue('districtId', '');
            })}
            {place('municipalityId', t('customers.municipality'), departmentId ? municipalities.data : undefined,
              () => setValue('districtId', ''))}
          </Stack>
          {hasDistricts && place('districtId', t('customers.district'), districts.data)}
          <Controller control={control} name="zone" render={({ field, fieldState }) => (
            <Autocomplete freeSolo options={(zones.data ?? []).map((z) => z.name)} value={field.value}
              onInputChange={(_, v) => field.onChange(v)}
              renderInput={(params) => <TextField {...params} label={t('customers.zone')} error={!!fieldState.error}
                helperText={fieldState.error?.message} />} />
          )} />
          <TextField label={t('customers.street')} {...register('street')} error={!!formState.errors.street}
            helperText={formState.errors.street?.message} />
          <TextField label={t('customers.reference')} {...register('reference')} error={!!formState.errors.reference}
            helperText={formState.errors.reference?.message} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField label={t('customers.latitude')} {...register('latitude')} sx={{ flex: 1 }}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              error={!!formState.errors.latitude} helperText={formState.errors.latitude?.message} />
            <TextField label={t('customers.longitude')} {...register('longitude')} sx={{ flex: 1 }}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              error={!!formState.errors.longitude} helperText={formState.errors.longitude?.message} />
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button type="submit" form="address-form" variant="contained" disabled={formState.isSubmitting} data-testid="save-address">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
