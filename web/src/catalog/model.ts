import { z } from 'zod';
import type { Translate } from '../translate';

export const KINDS = ['PRODUCT', 'SERVICE'] as const;
export const UNITS = ['UNIT', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'M3', 'LITER', 'KG', 'TRIP', 'SERVICE', 'BOX'] as const;
export const CURRENCIES = ['GTQ', 'USD'] as const;
export const MAX_DEPTH = 5;

export interface Category {
  id: string; parentId: string | null; name: string; skuPrefix: string; description: string | null; active: boolean;
  depth: number; path: string; childCount: number; itemCount: number;
}

export interface Item {
  id: string; categoryId: string; categoryName: string; kind: (typeof KINDS)[number]; sku: string; name: string;
  description: string | null; unit: (typeof UNITS)[number]; price: number; currency: (typeof CURRENCIES)[number];
  vatRate: number; active: boolean; createdAt: string; updatedAt: string; version: number;
}

export interface PriceHistoryEntry {
  id: string; oldPrice: number | null; oldCurrency: string | null; newPrice: number; newCurrency: string;
  changedBy: string | null; changedByName: string | null; changedAt: string; reason: string | null;
}


// typed as people type them: "1500", "1500.5", "1500,50" (a decimal comma is common in Spanish)
const MONEY = /^\d{1,12}([.,]\d{1,2})?$/;
const RATE = /^\d{1,3}([.,]\d{1,2})?$/;

export const toNumber = (value: string) => Number(value.trim().replace(',', '.'));

const money = (t: Translate) => z.string().trim().min(1, t('validation.required')).regex(MONEY, t('catalog.invalidPrice'));

/** The item form: price and currency only when creating (afterwards they change through a price change). */
export function itemSchema(t: Translate) {
  return z.object({
    categoryId: z.string().min(1, t('validation.required')),
    kind: z.enum(KINDS),
    name: z.string().trim().min(1, t('validation.required')).max(200),
    description: z.string().max(2000),
    unit: z.enum(UNITS),
    price: money(t),
    currency: z.enum(CURRENCIES),
    vatRate: z.string().trim().min(1, t('validation.required')).regex(RATE, t('catalog.invalidVat'))
      .refine((v) => toNumber(v) <= 100, t('catalog.invalidVat')),
  });
}
export type ItemForm = z.infer<ReturnType<typeof itemSchema>>;

/** VAT and currency a new item starts with: the tenant's country's (Guatemala 12 % in GTQ, El Salvador 13 % in USD). */
export function itemDefaults(country: string | undefined, categoryId: string): ItemForm {
  const sv = country === 'SV';
  return { categoryId, kind: 'SERVICE', name: '', description: '', unit: 'UNIT', price: '',
    currency: sv ? 'USD' : 'GTQ', vatRate: sv ? '13' : '12' };
}

export function itemToForm(item: Item): ItemForm {
  return { categoryId: item.categoryId, kind: item.kind, name: item.name, description: item.description ?? '',
    unit: item.unit, price: String(item.price), currency: item.currency, vatRate: String(item.vatRate) };
}

/** The body of POST /catalog/items, or of PUT /catalog/items/{id} with the version the form was loaded at. */
export function itemRequest(form: ItemForm, version?: number) {
  const common = { categoryId: form.categoryId, kind: form.kind, name: form.name.trim(),
    description: form.description.trim() || undefined, unit: form.unit, vatRate: toNumber(form.vatRate) };
  return version === undefined ? { ...common, price: toNumber(form.price), currency: form.currency } : { ...common, version };
}

export function priceSchema(t: Translate) {
  return z.object({
    price: money(t),
    currency: z.enum(CURRENCIES),
    reason: z.string().trim().min(1, t('validation.required')).max(500),
  });
}
export type PriceForm = z.infer<ReturnType<typeof priceSchema>>;

export function categorySchema(t: Translate) {
  return z.object({
    parentId: z.string(),
    name: z.string().trim().min(1, t('validation.required')).max(120),
    skuPrefix: z.string().trim().regex(/^[A-Za-z0-9]{2,6}$/, t('catalog.prefixRule')),
    description: z.string().max(1000),
    active: z.boolean(),
  });
}
export type CategoryForm = z.infer<ReturnType<typeof categorySchema>>;

/**
 * The categories a category may move under: not itself, none of its descendants, and none so deep
 * that it (with its own subtree) would pass the depth limit.
 */
export function possibleParents(categories: Category[], moving?: Category): Category[] {
  if (!moving) return categories.filter((c) => c.depth < MAX_DEPTH);
  const below = new Set<string>([moving.id]);
  // the list comes depth first, so a descendant always follows its parent
  categories.forEach((c) => { if (c.parentId && below.has(c.parentId)) below.add(c.id); });
  const height = Math.max(...categories.filter((c) => below.has(c.id)).map((c) => c.depth)) - moving.depth + 1;
  return categories.filter((c) => !below.has(c.id) && c.depth + height <= MAX_DEPTH);
}

