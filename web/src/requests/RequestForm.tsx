import { zodResolver } from '@hookform/resolvers/zod';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Autocomplete, Box, Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Controller, get, useFieldArray, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useCatalogPicker } from '../catalog/api';
import { useCustomer, useCustomerPicker } from '../customers/api';
import { useAuth } from '../auth/AuthContext';
import { CURRENCIES, UNITS, emptyTypeData, formPath, requestSchema } from './schemas';
import { CHANNELS, PRIORITIES, type DataSchema, type ServiceRequest } from './types';
import { codeKey } from '../translate';
import { formatTaxId } from '../format';
import type { CustomerOption } from '../customers/model';
import { CatalogOption, FormValues, FormField, FormSection, grid, formValuesOf } from './RequestFormParts';
import { TypeDataFields } from './TypeDataFields';
import { requestsApi, requestKeys, useActiveServiceTypes } from './api';

/** A request's form: customer, contact and site, type with its own data, priority, channel, line items. */
export function RequestForm({ editing }: { editing?: ServiceRequest }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [customerQuery, setCustomerQuery] = useState('');
  const [customer, setCustomer] = useState<CustomerOption | null>(
    editing ? { id: editing.customerId, commercialName: editing.customerName, taxId: null } : null);
  const [customerSearch, setCustomerSearch] = useState('');
  useEffect(() => { // ask the server once the typing pauses
    const timer = setTimeout(() => setCustomerSearch(customerQuery.trim()), 250);
    return () => clearTimeout(timer);
  }, [customerQuery]);
  const types = useActiveServiceTypes();
  const customers = useCustomerPicker(customerSearch);
  const [catalogQuery, setCatalogQuery] = useState('');
  const catalog = useCatalogPicker(catalogQuery);
  const vat = me?.tenant.country === 'SV' ? '13' : '12';
  const currency = me?.tenant.country === 'SV' ? 'USD' : 'GTQ';

  // the resolver follows the chosen type: its schema decides the rules of the type data
  const schemaOf = useRef<(typeId: string) => DataSchema | undefined>(() => undefined);
  schemaOf.current = (typeId) => types.data?.find((ty) => ty.id === typeId)?.dataSchema;
  const resolver: Resolver<FormValues> = (values, context, options) =>
    (zodResolver(requestSchema(schemaOf.current(values.serviceTypeId), t)) as unknown as Resolver<FormValues>)(values, context, options);
  const form = useForm<FormValues>({
    resolver,
    defaultValues: editing ? formValuesOf(editing) : {
      customerId: '', contactId: '', addressId: '', serviceTypeId: '', priority: 'NORMAL', channel: 'PHONE', requestedDate: '',
      description: '', typeData: {}, items: [],
    },
  });
  const { control, formState, setValue, watch } = form;
  const items = useFieldArray({ control, name: 'items' });
  const serviceTypeId = watch('serviceTypeId');
  const schema = schemaOf.current(serviceTypeId);

  const details = useCustomer(customer?.id ?? '', !!customer);
  useEffect(() => {
    const d = details.data;
    if (!d || editing) return; // an edited request keeps its own contact and site
    const contact = d.contacts.find((c) => c.role === 'PRIMARY') ?? d.contacts[0];
    const address = d.addresses.find((a) => a.kind === 'SERVICE_SITE') ?? d.addresses[0];
    setValue('contactId', contact?.id ?? '');
    setValue('addressId', address?.id ?? '');
  }, [details.data, editing, setValue]);

  const submit = form.handleSubmit(async (parsed) => {
    setFailure(null);
    const body = parsed as unknown as Record<string, unknown>;
    try {
      const saved = editing
        ? await requestsApi.update(editing.id, {
          contactId: body.contactId, addressId: body.addressId, priority: body.priority, requestedDate: body.requestedDate,
          description: body.description, typeData: body.typeData, items: body.items })
        : await requestsApi.create(body);
      void client.invalidateQueries({ queryKey: requestKeys.all });
      void client.invalidateQueries({ queryKey: requestKeys.history(saved.id) });
      client.setQueryData(requestKeys.one(saved.id), saved);
      navigate(`/requests/${saved.id}`, { replace: !!editing });
    } catch (error) {
      if (error instanceof ApiError) {
        const unmapped: string[] = [];
        error.fieldErrors.forEach((e) => {
          const path = formPath(e.field);
          // a field the form shows gets its message; the rest go to the alert
          if (document.querySelector(`[name="${path}"]`)) form.setError(path as 'description', { message: e.message });
          else unmapped.push(`${e.field}: ${e.message}`);
        });
        setFailure([error.detail ?? error.title, ...unmapped].join(' · '));
      } else {
        setFailure(t('common.error'));
      }
    }
  });

  const contacts = details.data?.contacts ?? [];
  const addresses = details.data?.addresses ?? [];
  const customerError = (get(formState.errors, 'customerId') as { message?: string } | undefined)?.message;

  return (
    <Box component="form" noValidate onSubmit={submit} sx={{ maxWidth: 1100 }}>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        {editing ? t('servicerequests.editTitle', { number: editing.number }) : t('servicerequests.new')}
      </Typography>
      <Stack spacing={2}>
        {failure && <Alert severity="error" data-testid="request-error">{failure}</Alert>}
        <FormSection title={t('servicerequests.general')}>
          <Autocomplete
            options={customers.data?.items ?? []}
            value={customer}
            filterOptions={(x) => x}
            getOptionLabel={(o) => o.commercialName}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            renderOption={(props, o) => (
              <li {...props} key={o.id}>{o.commercialName}{o.taxId ? ` · ${formatTaxId(o.taxId)}` : ''}</li>
            )}
            onInputChange={(_, v, reason) => { if (reason === 'input' || reason === 'clear') setCustomerQuery(v); }}
            onChange={(_, v) => {
              setCustomer(v);
              setValue('customerId', v?.id ?? '', { shouldValidate: formState.isSubmitted });
              setValue('contactId', '');
              setValue('addressId', '');
            }}
            noOptionsText={t('servicerequests.noCustomers')}
            loading={customers.isFetching}
            disabled={!!editing}
            renderInput={(params) => (
              <TextField {...params} label={t('servicerequests.customerSearch')} required error={!!customerError}
                helperText={customerError ?? t('servicerequests.customerHelp')} name="customerId" />
            )}
          />
          <Box sx={grid}>
            <FormField control={control} name="contactId" label={t('servicerequests.contact')} disabled={!customer}
              options={[{ value: '', label: t('servicerequests.none') }, ...contacts.map((c) => ({ value: c.id, label: c.fullName }))]} />
            <FormField control={control} name="addressId" label={t('servicerequests.address')} disabled={!customer}
              options={[{ value: '', label: t('servicerequests.none') },
                ...addresses.map((a) => ({ value: a.id, label: [a.street, a.zone].filter(Boolean).join(', ') }))]} />
            <FormField control={control} name="requestedDate" label={t('servicerequests.requestedDate')} kind="date" />
            <FormField control={control} name="priority" label={t('servicerequests.priority')}
              options={PRIORITIES.map((p) => ({ value: p, label: t(codeKey('servicerequests.priorities', p)) }))} />
            <FormField control={control} name="channel" label={t('servicerequests.channel')} disabled={!!editing}
              options={CHANNELS.map((c) => ({ value: c, label: t(codeKey('servicerequests.channels', c)) }))} />
            <Controller control={control} name="serviceTypeId" render={({ field, fieldState }) => (
              <TextField select required label={t('servicerequests.type')} name={field.name} value={field.value} inputRef={field.ref}
                disabled={!!editing}
                error={!!fieldState.error} helperText={fieldState.error?.message}
                onChange={(e) => {
                  field.onChange(e.target.value);
                  setValue('typeData', emptyTypeData(schemaOf.current(e.target.value)));
                  form.clearErrors('typeData');
                }}>
                {(types.data ?? []).map((ty) => <MenuItem key={ty.id} value={ty.id}>{ty.name}</MenuItem>)}
              </TextField>
            )} />
          </Box>
          <FormField control={control} name="description" label={t('servicerequests.description')} required multiline minRows={3}
            slotProps={{ htmlInput: { maxLength: 4000 } }} />
        </FormSection>
        <FormSection title={t('servicerequests.details')}>
          {!schema && <Typography color="text.secondary">{t('servicerequests.chooseType')}</Typography>}
          {schema && <TypeDataFields key={`${serviceTypeId}`} schema={schema} control={control} errors={formState.errors} />}
        </FormSection>
        <FormSection title={t('servicerequests.items')}>
          {items.fields.map((row, i) => (
            <Box key={row.id} sx={{ display: 'grid', gap: 1, alignItems: 'start',
              gridTemplateColumns: { xs: '1fr 1fr', md: '3fr 1fr 1fr 1.2fr 1fr 0.8fr auto' } }}>
              <FormField control={control} name={`items.${i}.description`} label={t('servicerequests.itemDescription')} size="small"
                sx={{ gridColumn: { xs: '1 / -1', md: 'auto' } }} />
              <FormField control={control} name={`items.${i}.quantity`} label={t('servicerequests.quantity')} size="small"
                slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
              <FormField control={control} name={`items.${i}.unit`} label={t('servicerequests.unit')} size="small"
                options={[...UNITS, ...(UNITS.includes(watch(`items.${i}.unit`) as (typeof UNITS)[number]) ? [] : [watch(`items.${i}.unit`)])]
                  .filter(Boolean).map((u) => ({ value: u, label: t(`servicerequests.units.${u}`, { defaultValue: u }) }))} />
              <FormField control={control} name={`items.${i}.unitPrice`} label={t('servicerequests.unitPrice')} size="small"
                slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
              <FormField control={control} name={`items.${i}.currency`} label={t('servicerequests.currency')} size="small"
                options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
              <FormField control={control} name={`items.${i}.vatRate`} label={t('servicerequests.vatRate')} size="small"
                slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
              <IconButton aria-label={t('servicerequests.removeItem', { n: i + 1 })} onClick={() => items.remove(i)}>
                <DeleteIcon />
              </IconButton>
            </Box>
          ))}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
            <Autocomplete<CatalogOption>
              sx={{ minWidth: 320 }} size="small" data-testid="catalog-picker"
              options={catalog.data?.items ?? []} filterOptions={(x) => x} value={null} blurOnSelect
              getOptionLabel={(o) => `${o.sku} · ${o.name}`}
              onInputChange={(_, value) => setCatalogQuery(value)}
              onChange={(_, o) => {
                if (o) items.append({ catalogItemId: o.id, description: o.name, quantity: '1', unit: o.unit,
                  unitPrice: String(o.price), currency: o.currency, vatRate: String(o.vatRate) });
              }}
              renderInput={(params) => <TextField {...params} label={t('servicerequests.addFromCatalog')} />} />
            <Button startIcon={<AddIcon />} data-testid="add-item"
              onClick={() => items.append({ description: '', quantity: '1', unit: 'SERVICE', unitPrice: '', currency, vatRate: vat })}>
              {t('servicerequests.addItem')}
            </Button>
          </Stack>
        </FormSection>
        <Stack direction="row" spacing={2} sx={{ justifyContent: 'flex-end' }}>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting} data-testid="save-request">
            {editing ? t('common.save') : t('common.create')}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}
