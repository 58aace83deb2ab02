import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { addressSchema } from './AddressDialog';
import { customerFilters, describeAddress, formPath, type Address } from './model';

const t = i18n.t.bind(i18n);
const address = {
  kind: 'SERVICE_SITE', departmentId: 'GT-03', municipalityId: 'GT-0301', districtId: '', zone: '', street: '5a Avenida Norte #12',
  reference: '', latitude: '', longitude: '',
} as const;

describe('addressSchema', () => {
  it('takes an address without coordinates', () => {
    expect(addressSchema(t, false).safeParse(address).success).toBe(true);
  });

  it('wants both coordinates or neither, each in range', () => {
    const paths = (value: object) => addressSchema(t, false).safeParse({ ...address, ...value }).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ latitude: '14.55' })).toEqual(['longitude']);
    expect(paths({ latitude: '91', longitude: '-90.7' })).toEqual(['latitude']);
    expect(paths({ latitude: '14.55', longitude: 'oeste' })).toEqual(['longitude']);
    expect(paths({ latitude: '14.5586', longitude: '-90.7295' })).toBeUndefined();
  });

  it('asks for the district only where the municipality has districts (El Salvador)', () => {
    expect(addressSchema(t, true).safeParse(address).error?.issues.map((i) => i.path.join('.'))).toEqual(['districtId']);
    expect(addressSchema(t, true).safeParse({ ...address, districtId: 'SV-0601-01' }).success).toBe(true);
  });
});

describe('describeAddress', () => {
  it('names the places, and falls back to the id while the catalog loads', () => {
    const a = { ...address, id: 'a1', districtId: null, zone: 'Zona 1', reference: null, latitude: null, longitude: null, mapUrl: null } as Address;
    const names = new Map([['GT-03', 'Sacatepéquez'], ['GT-0301', 'Antigua Guatemala']]);
    expect(describeAddress(a, names)).toBe('5a Avenida Norte #12, Zona 1, Antigua Guatemala, Sacatepéquez');
    expect(describeAddress(a, new Map())).toBe('5a Avenida Norte #12, Zona 1, GT-0301, GT-03');
  });
});

describe('customerFilters', () => {
  it('keeps only the filters that are set, trimmed', () => {
    expect(customerFilters(new URLSearchParams('q=%20martillo%20&status=BLOCKED&tag=&departmentId=GT-03&page=2'))).toEqual({
      q: 'martillo', status: 'BLOCKED', ownerId: undefined, tag: undefined, departmentId: 'GT-03',
    });
  });
});

describe('formPath', () => {
  it('turns the server\'s list indexes into form paths', () => {
    expect(formPath('phones[1]')).toBe('phones.1');
    expect(formPath('contact.emails[0]')).toBe('contact.emails.0');
  });
});
