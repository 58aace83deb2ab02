import { z } from 'zod';
import type { DataSchema } from './types';

/**
 * The create form's rules, mirroring the server's (TypeDataRules.java and the controller's bean
 * validation): form fields are strings, the parsed output is the API's payload (numbers, dates,
 * booleans), so `schema.parse(form)` is what gets sent.
 */
import type { Translate } from '../translate';
export type { Translate };

const K = 'servicerequests.validation.';

function decimal(v: string): number | null {
  const s = v.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/** A number typed as text: required or not, whole or not, within [min, max]. */
function numberField(t: Translate, o: { min: number; max: number; required: boolean; integer?: boolean; minExclusive?: boolean }) {
  return z.string().superRefine((v, ctx) => {
    if (v.trim() === '') {
      if (o.required) ctx.addIssue({ code: 'custom', message: t(`${K}required`) });
      return;
    }
    const n = o.integer ? (/^-?\d+$/.test(v.trim()) ? Number(v.trim()) : null) : decimal(v);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: t(o.integer ? `${K}integer` : `${K}number`) });
    } else if ((o.minExclusive ? n <= o.min : n < o.min) || n > o.max) {
      ctx.addIssue({ code: 'custom', message: t(o.minExclusive ? `${K}greaterThan` : `${K}range`, { min: o.min, max: o.max }) });
    }
  }).transform((v) => (v.trim() === '' ? undefined : (decimal(v) as number)));
}

function oneOf(t: Translate, values: readonly string[], required = true) {
  return z.string().superRefine((v, ctx) => {
    if (v === '') {
      if (required) ctx.addIssue({ code: 'custom', message: t(`${K}required`) });
    } else if (!values.includes(v)) {
      ctx.addIssue({ code: 'custom', message: t(`${K}oneOf`) });
    }
  }).transform((v) => (v === '' ? undefined : v));
}

function text(t: Translate, max: number, required: boolean) {
  return z.string().superRefine((v, ctx) => {
    if (v.trim() === '' && required) ctx.addIssue({ code: 'custom', message: t(`${K}required`) });
    if (v.trim().length > max) ctx.addIssue({ code: 'custom', message: t(`${K}tooLong`, { max }) });
  }).transform((v) => (v.trim() === '' ? undefined : v.trim()));
}

function date(t: Translate, required: boolean) {
  return z.string().superRefine((v, ctx) => {
    if (v === '') {
      if (required) ctx.addIssue({ code: 'custom', message: t(`${K}required`) });
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
      ctx.addIssue({ code: 'custom', message: t(`${K}date`) });
    }
  }).transform((v) => (v === '' ? undefined : v));
}

export const TOILET_MODELS = ['STANDARD', 'VIP', 'ACCESSIBLE', 'HANDWASH_STATION'] as const;
export const USAGES = ['EVENT', 'PERMANENT'] as const;
export const WATER_TYPES = ['BLACK', 'GREY', 'MIXED', 'INDUSTRIAL'] as const;
export const PLANT_SERVICES = ['DESIGN', 'CONSTRUCTION', 'OPERATION', 'MAINTENANCE', 'REPAIR'] as const;
export const DESIGN_PARAMETERS = { bodMgL: 100000, codMgL: 200000, tssMgL: 100000, ph: 14 } as const;

/** The type-specific data's rules for one schema. */
export function typeDataSchema(schema: DataSchema, t: Translate) {
  switch (schema) {
    case 'PORTABLE_TOILETS':
      return z.object({
        units: numberField(t, { min: 1, max: 500, required: true, integer: true }),
        model: oneOf(t, TOILET_MODELS),
        usage: oneOf(t, USAGES),
        rentalStart: date(t, true),
        rentalEnd: date(t, false),
        cleaningsPerWeek: numberField(t, { min: 0, max: 14, required: true, integer: true }),
        notes: text(t, 1000, false),
      }).superRefine((d, ctx) => {
        if (d.usage === 'EVENT' && !d.rentalEnd) {
          ctx.addIssue({ code: 'custom', path: ['rentalEnd'], message: t(`${K}requiredForEvent`) });
        }
        if (d.rentalStart && d.rentalEnd && d.rentalEnd < d.rentalStart) {
          ctx.addIssue({ code: 'custom', path: ['rentalEnd'], message: t(`${K}beforeStart`) });
        }
      });
    case 'SEPTIC_TANK':
      return z.object({
        waterType: oneOf(t, WATER_TYPES),
        volumeM3: numberField(t, { min: 0.1, max: 500, required: true }),
        accessConditions: text(t, 500, true),
        hoseDistanceM: numberField(t, { min: 0, max: 300, required: true }),
        notes: text(t, 1000, false),
      });
    case 'WASTEWATER_PLANT':
      return z.object({
        flowM3PerDay: numberField(t, { min: 0.1, max: 100000, required: true }),
        service: oneOf(t, PLANT_SERVICES),
        siteSurveyNeeded: z.boolean(),
        designParameters: z.object({
          bodMgL: numberField(t, { min: 0, max: DESIGN_PARAMETERS.bodMgL, required: false }),
          codMgL: numberField(t, { min: 0, max: DESIGN_PARAMETERS.codMgL, required: false }),
          tssMgL: numberField(t, { min: 0, max: DESIGN_PARAMETERS.tssMgL, required: false }),
          ph: numberField(t, { min: 0, max: DESIGN_PARAMETERS.ph, required: false }),
        }).transform((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined))),
        notes: text(t, 1000, false),
      });
    case 'FREE_FORM':
      return z.object({
        rows: z.array(z.object({
          key: z.string().trim().min(1, t(`${K}required`)).max(60, t(`${K}tooLong`, { max: 60 })),
          value: z.string().max(2000, t(`${K}tooLong`, { max: 2000 })),
        })).max(50, t(`${K}tooMany`, { max: 50 })).superRefine((rows, ctx) => {
          const seen = new Set<string>();
          rows.forEach((r, i) => {
            if (seen.has(r.key.trim())) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: t(`${K}duplicateKey`) });
            seen.add(r.key.trim());
          });
        }),
      }).transform((d) => Object.fromEntries(d.rows.map((r) => [r.key.trim(), r.value])));
  }
}

/** The empty form values of a schema's type data. */
/** The empty form values of a schema's type data. */
export function emptyTypeData(schema: DataSchema | undefined): Record<string, unknown> {
  switch (schema) {
    case 'PORTABLE_TOILETS':
      return { units: '', model: '', usage: '', rentalStart: '', rentalEnd: '', cleaningsPerWeek: '', notes: '' };
    case 'SEPTIC_TANK':
      return { waterType: '', volumeM3: '', accessConditions: '', hoseDistanceM: '', notes: '' };
    case 'WASTEWATER_PLANT':
      return { flowM3PerDay: '', service: '', siteSurveyNeeded: false, designParameters: { bodMgL: '', codMgL: '', tssMgL: '', ph: '' }, notes: '' };
    case 'FREE_FORM':
      return { rows: [] };
    default:
      return {};
  }
}

/** Stored type data as the form holds it (numbers as typed text, free-form pairs as rows), for editing a request. */
export function formTypeData(schema: DataSchema | undefined, stored: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const data = stored ?? {};
  const typed = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'boolean' ? v : String(v));
  if (schema === 'FREE_FORM') {
    return { rows: Object.entries(data).map(([key, value]) => ({ key, value: typed(value) })) };
  }
  const empty = emptyTypeData(schema);
  return Object.fromEntries(Object.entries(empty).map(([key, blank]) => {
    const value = data[key];
    if (blank !== null && typeof blank === 'object') { // design parameters: one level down
      const nested = (value ?? {}) as Record<string, unknown>;
      return [key, Object.fromEntries(Object.keys(blank).map((k) => [k, typed(nested[k])]))];
    }
    if (typeof blank === 'boolean') return [key, value === true];
    return [key, typed(value)];
  }));
}

export const CURRENCIES = ['GTQ', 'USD'] as const;
export const UNITS = ['SERVICE', 'UNIT', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'M3', 'TRIP'] as const;

/** One line item as typed. */
export function itemSchema(t: Translate) {
  return z.object({
    catalogItemId: z.string().optional(), // a line from the catalog: the server takes its SKU, unit, currency and VAT
    description: text(t, 300, true),
    quantity: numberField(t, { min: 0, max: 1000000, required: true, minExclusive: true }),
    unit: text(t, 20, true), // the server refuses a typed-in line without its unit (incomplete-item)
    unitPrice: numberField(t, { min: 0, max: 999999999999, required: true }),
    currency: oneOf(t, CURRENCIES),
    vatRate: numberField(t, { min: 0, max: 100, required: true }),
  });
}

/** The whole create form for a type's schema (none chosen yet: no type data). */
export function requestSchema(schema: DataSchema | undefined, t: Translate) {
  return z.object({
    customerId: z.string().min(1, t(`${K}required`)),
    contactId: z.string().transform((v) => v || undefined),
    addressId: z.string().transform((v) => v || undefined),
    serviceTypeId: z.string().min(1, t(`${K}required`)),
    priority: oneOf(t, ['LOW', 'NORMAL', 'HIGH', 'URGENT']),
    channel: oneOf(t, ['WHATSAPP', 'WEB', 'PHONE', 'EMAIL', 'WALK_IN', 'OTHER']),
    requestedDate: date(t, false),
    description: text(t, 4000, true),
    typeData: schema ? typeDataSchema(schema, t) : z.any().transform(() => undefined),
    items: z.array(itemSchema(t)).max(100),
  });
}

/** Maps a server field (`typeData.units`, `items[0].quantity`) to the form's path (`items.0.quantity`). */
export function formPath(serverField: string): string {
  return serverField.replace(/\[(\d+)\]/g, '.$1');
}
