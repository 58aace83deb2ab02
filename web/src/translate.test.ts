/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { en } from './locales/en';
import { es, type Messages } from './locales/es';
import { codeKey, type Translate } from './translate';

type Tree = { [key: string]: string | Tree };

/** every feature's own messages file (`customers/messages.ts`), by its folder */
const features = Object.fromEntries(Object.entries(
  import.meta.glob<{ es: Tree; en: Tree }>('./*/messages.ts', { eager: true }),
).map(([path, messages]) => [path.split('/')[1], messages]));

/** the source of every screen and module, tests left out */
const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}'],
  { query: '?raw', import: 'default', eager: true });

/** every key path of a message tree, `customers.statuses.ACTIVE` */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** The keys of one language that the other lacks (both ways), so a failure names them. */
function unmatched(a: object, b: object): string[] {
  const left = new Set(keys(a));
  const right = new Set(keys(b));
  return [...[...left].filter((k) => !right.has(k)).map((k) => `only in the first: ${k}`),
    ...[...right].filter((k) => !left.has(k)).map((k) => `only in the second: ${k}`)].sort();
}

function lookup(tree: Tree, path: string): string | Tree | undefined {
  return path.split('.').reduce<string | Tree | undefined>((node, k) => (typeof node === 'object' ? node[k] : undefined), tree);
}

/** A key the code asks for is there as a text, or as the plural forms i18next picks by `count`. */
function hasText(tree: Tree, key: string): boolean {
  return typeof lookup(tree, key) === 'string' || typeof lookup(tree, `${key}_other`) === 'string';
}

/** Keys written out in the code: `t('customers.title')`, `i18n.t('common.error')`. */
function literalKeys(): { file: string; key: string }[] {
  return Object.entries(sources).flatMap(([file, text]) =>
    [...text.matchAll(/\bt\(\s*'([A-Za-z][\w.]*)'/g)].map((m) => ({ file, key: m[1] })));
}

/** Groups the code picks a key from at run time: `` t(`catalog.kinds.${k}`) ``, `codeKey('customers.statuses', s)`. */
function groupKeys(): { file: string; key: string }[] {
  return Object.entries(sources).flatMap(([file, text]) => [
    ...[...text.matchAll(/\bt\(\s*`([A-Za-z][\w.]*)\.\$\{/g)],
    ...[...text.matchAll(/\bcodeKey\(\s*'([A-Za-z][\w.]*)'/g)],
  ].map((m) => ({ file, key: m[1] })));
}

describe('the messages', () => {
  it('have the same keys in Spanish and English', () => {
    expect(unmatched(es, en)).toEqual([]);
  });

  it('find every feature\'s messages file', () => {
    expect(Object.keys(features)).toEqual(expect.arrayContaining(['admin', 'catalog', 'customers', 'inbox', 'requests', 'simulator']));
  });

  it.each(Object.keys(features))('have the same keys in Spanish and English in the %s feature', (feature) => {
    expect(unmatched(features[feature].es, features[feature].en)).toEqual([]);
  });

  it.each(Object.keys(features))('gather every group of the %s feature into both languages', (feature) => {
    const { es: own, en: ownEn } = features[feature];
    Object.keys(own).forEach((group) => {
      expect((es as unknown as Tree)[group], `${feature}: ${group}`).toBe(own[group]);
      expect((en as unknown as Tree)[group], `${feature}: ${group}`).toBe(ownEn[group]);
    });
  });

  it('have, in both languages, every key the code writes out', () => {
    const found = literalKeys();
    expect(found.length).toBeGreaterThan(300);
    const missing = found.filter(({ key }) => !hasText(es as unknown as Tree, key) || !hasText(en as unknown as Tree, key));
    expect(missing.map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
  });

  it('have, in both languages, every group the code picks a key from at run time', () => {
    const found = groupKeys();
    expect(found.length).toBeGreaterThan(30);
    const missing = found.filter(({ key }) => typeof lookup(es as unknown as Tree, key) !== 'object'
      || typeof lookup(en as unknown as Tree, key) !== 'object');
    expect(missing.map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
  });

  it('name what one language lacks', () => {
    expect(unmatched({ a: { b: 'x', c: 'y' } }, { a: { b: 'x' }, d: 'z' })).toEqual(['only in the first: a.c', 'only in the second: d']);
    expect(hasText({ rows_one: '1 fila', rows_other: 'filas' }, 'rows')).toBe(true);
    expect(hasText({ rows: { a: 'x' } }, 'rows')).toBe(false);
  });

  it('make a key for a code sent at run time under a checked group', () => {
    expect(i18n.t(codeKey('customers.statuses', 'ACTIVE'), { lng: 'en' })).toBe(en.customers.statuses.ACTIVE);
  });

  it('turn a missing key into a type error (checked by tsc, which runs before the build)', () => {
    const t = ((key: string) => key) as unknown as Translate;
    // @ts-expect-error no such key in the messages
    expect(t('customers.noSuchKey')).toBe('customers.noSuchKey');
    // @ts-expect-error no such group of messages
    expect(codeKey('customers.noSuchGroup', 'X')).toBe('customers.noSuchGroup.X');
    // @ts-expect-error English must have every Spanish key
    const partial: Messages = { ...en, customers: { ...en.customers, statuses: { ACTIVE: 'Active' } } };
    expect(partial).toBeDefined();
  });
});
