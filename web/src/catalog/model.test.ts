import type { Translate } from '../translate';
import { describe, expect, it } from 'vitest';
import {
  categorySchema, itemDefaults, itemRequest, itemSchema, possibleParents, priceSchema, type Category, type ItemForm,
} from './model';

const t = ((key: string) => key) as unknown as Translate;

const valid: ItemForm = {
  categoryId: 'c1', kind: 'SERVICE', name: 'Succión de fosa séptica hasta 5 m³', description: '', unit: 'SERVICE',
  price: '1500', currency: 'GTQ', vatRate: '12',
};

const errors = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('item form', () => {
  it('accepts prices typed with a decimal point or a decimal comma, up to two decimals', () => {
    for (const price of ['0', '1500', '1500.5', '1500,50', '999999999999.99']) {
      expect(itemSchema(t).safeParse({ ...valid, price }).success, price).toBe(true);
    }
    for (const price of ['', '-1', '1.234', '1,500.00', 'mil', '1e3']) {
      expect(errors(itemSchema(t).safeParse({ ...valid, price })).price, price).toBeDefined();
    }
  });

  it('keeps VAT between 0 and 100 % and names every bad field', () => {
    expect(errors(itemSchema(t).safeParse({ ...valid, vatRate: '100.01' })).vatRate).toBe('catalog.invalidVat');
    expect(itemSchema(t).safeParse({ ...valid, vatRate: '13,00' }).success).toBe(true);
    const bad = errors(itemSchema(t).safeParse({ ...valid, categoryId: '', name: '  ', unit: 'PARSEC', currency: 'EUR' }));
    expect(Object.keys(bad).sort()).toEqual(['categoryId', 'currency', 'name', 'unit']);
    expect(bad.name).toBe('validation.required');
  });

  it('starts with the VAT and currency of the tenant country', () => {
    expect(itemDefaults('GT', 'c1')).toMatchObject({ currency: 'GTQ', vatRate: '12', categoryId: 'c1' });
    expect(itemDefaults('SV', '')).toMatchObject({ currency: 'USD', vatRate: '13' });
  });

  it('sends numbers, and the price only when creating', () => {
    expect(itemRequest({ ...valid, price: '1500,5', vatRate: '12,5', description: '  ' })).toEqual({
      categoryId: 'c1', kind: 'SERVICE', name: valid.name, description: undefined, unit: 'SERVICE', vatRate: 12.5,
      price: 1500.5, currency: 'GTQ',
    });
    const update = itemRequest(valid, 3);
    expect(update).toMatchObject({ version: 3, vatRate: 12 });
    expect(update).not.toHaveProperty('price');
    expect(update).not.toHaveProperty('currency');
  });
});

describe('price change form', () => {
  it('asks for a reason', () => {
    expect(errors(priceSchema(t).safeParse({ price: '900', currency: 'GTQ', reason: ' ' })).reason).toBe('validation.required');
    expect(priceSchema(t).safeParse({ price: '900', currency: 'GTQ', reason: 'Ajuste anual' }).success).toBe(true);
  });
});

describe('category form and tree', () => {
  it('takes SKU prefixes of 2 to 6 letters or digits', () => {
    const base = { parentId: '', name: 'Sanitarios', description: '', active: true };
    expect(categorySchema(t).safeParse({ ...base, skuPrefix: 'san' }).success).toBe(true);
    expect(categorySchema(t).safeParse({ ...base, skuPrefix: 'PTAR01' }).success).toBe(true);
    for (const skuPrefix of ['S', 'SANITAR', 'SA-N', 'SÁN']) {
      expect(errors(categorySchema(t).safeParse({ ...base, skuPrefix })).skuPrefix, skuPrefix).toBe('catalog.prefixRule');
    }
  });

  const node = (id: string, parentId: string | null, depth: number): Category => ({
    id, parentId, name: id, skuPrefix: id.toUpperCase(), description: null, active: true, depth, path: id,
    childCount: 0, itemCount: 0,
  });
  // a > b > c, and a chain d > e > f > g > h five levels deep (depth first, as the API lists them)
  const tree = [node('a', null, 1), node('b', 'a', 2), node('c', 'b', 3),
    node('d', null, 1), node('e', 'd', 2), node('f', 'e', 3), node('g', 'f', 4), node('h', 'g', 5)];

  it('never offers a category itself, its descendants, or a parent too deep for its subtree', () => {
    const a = tree[0];
    expect(possibleParents(tree, a).map((c) => c.id)).toEqual(['d', 'e']); // a has 3 levels: under e it reaches 5
    expect(possibleParents(tree, tree[2]).map((c) => c.id)).toEqual(['a', 'b', 'd', 'e', 'f', 'g']);
  });

  it('offers every category not yet at the deepest level to a new one', () => {
    expect(possibleParents(tree).map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});
