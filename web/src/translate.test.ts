import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { en } from './locales/en';
import { es, type Messages } from './locales/es';
import { codeKey, type Translate } from './translate';
import { es as customersEs, en as customersEn } from './customers/messages';

/** every key path of a message tree, `customers.statuses.ACTIVE` */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('the messages', () => {
  it('have the same keys in Spanish and English', () => {
    expect(keys(en).sort()).toEqual(keys(es).sort());
  });

  it('gather every feature\'s own file', () => {
    expect(es.customers).toBe(customersEs.customers);
    expect(en.customers).toBe(customersEn.customers);
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
