import { describe, expect, it } from 'vitest';
import '../zod-setup';
import type { Translate } from '../translate';
import { emptyTypeData, formPath, formTypeData, itemSchema, requestSchema, typeDataSchema } from './schemas';

const t = ((key: string) => key.replace('servicerequests.validation.', '')) as unknown as Translate;

function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('portable toilets', () => {
  const schema = typeDataSchema('PORTABLE_TOILETS', t);
  const event = { units: '8', model: 'VIP', usage: 'EVENT', rentalStart: '2026-12-05', rentalEnd: '2026-12-06', cleaningsPerWeek: '0', notes: '' };

  it('turns the typed values into the payload', () => {
    expect(schema.parse(event)).toEqual({ units: 8, model: 'VIP', usage: 'EVENT', rentalStart: '2026-12-05', rentalEnd: '2026-12-06', cleaningsPerWeek: 0 });
  });

  it('needs the end of the rental for an event, not for a permanent rental', () => {
    expect(problems(schema.safeParse({ ...event, rentalEnd: '' }))).toEqual({ rentalEnd: 'requiredForEvent' });
    expect(schema.safeParse({ ...event, usage: 'PERMANENT', rentalEnd: '' }).success).toBe(true);
  });

  it('refuses an end before the start, fractional or too many units, and an unknown model', () => {
    expect(problems(schema.safeParse({ ...event, rentalEnd: '2026-12-01' }))).toEqual({ rentalEnd: 'beforeStart' });
    expect(problems(schema.safeParse({ ...event, units: '2.5', model: 'GOLD', cleaningsPerWeek: '15' })))
      .toEqual({ units: 'integer', model: 'oneOf', cleaningsPerWeek: 'range' });
    expect(problems(schema.safeParse({ ...event, units: '501' }))).toEqual({ units: 'range' });
  });

  it('requires everything but the notes and the end', () => {
    expect(Object.keys(problems(schema.safeParse(emptyTypeData('PORTABLE_TOILETS')))).sort())
      .toEqual(['cleaningsPerWeek', 'model', 'rentalStart', 'units', 'usage']);
  });
});

describe('septic tank', () => {
  const schema = typeDataSchema('SEPTIC_TANK', t);

  it('accepts decimals with a point or a comma', () => {
    expect(schema.parse({ waterType: 'BLACK', volumeM3: '4,5', accessConditions: ' Callejón de 2.5 m ', hoseDistanceM: '25', notes: '' }))
      .toEqual({ waterType: 'BLACK', volumeM3: 4.5, accessConditions: 'Callejón de 2.5 m', hoseDistanceM: 25 });
  });

  it('keeps volume and hose distance within the server\'s limits', () => {
    const r = schema.safeParse({ waterType: 'SEWAGE', volumeM3: '0.05', accessConditions: '', hoseDistanceM: '301', notes: '' });
    expect(problems(r)).toEqual({ waterType: 'oneOf', volumeM3: 'range', accessConditions: 'required', hoseDistanceM: 'range' });
    expect(problems(schema.safeParse({ waterType: 'GREY', volumeM3: 'mucho', accessConditions: 'x', hoseDistanceM: '0', notes: '' })))
      .toEqual({ volumeM3: 'number' });
  });
});

describe('wastewater plant', () => {
  const schema = typeDataSchema('WASTEWATER_PLANT', t);

  it('sends only the design parameters given', () => {
    const data = { ...emptyTypeData('WASTEWATER_PLANT'), flowM3PerDay: '45', service: 'OPERATION', designParameters: { bodMgL: '320', codMgL: '', tssMgL: '', ph: '7.2' } };
    expect(schema.parse(data)).toEqual({ flowM3PerDay: 45, service: 'OPERATION', siteSurveyNeeded: false, designParameters: { bodMgL: 320, ph: 7.2 } });
  });

  it('refuses a pH above 14 and a flow of zero', () => {
    const data = { ...emptyTypeData('WASTEWATER_PLANT'), flowM3PerDay: '0', service: 'DESIGN', designParameters: { bodMgL: '', codMgL: '', tssMgL: '', ph: '15' } };
    expect(problems(schema.safeParse(data))).toEqual({ flowM3PerDay: 'range', 'designParameters.ph': 'range' });
  });
});

describe('free form', () => {
  const schema = typeDataSchema('FREE_FORM', t);

  it('turns key/value rows into an object and refuses repeated or empty keys', () => {
    expect(schema.parse({ rows: [{ key: 'Equipo', value: 'Bomba 2 HP' }, { key: ' Pisos ', value: '3' }] })).toEqual({ Equipo: 'Bomba 2 HP', Pisos: '3' });
    expect(problems(schema.safeParse({ rows: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }, { key: ' ', value: '' }] })))
      .toEqual({ 'rows.1.key': 'duplicateKey', 'rows.2.key': 'required' });
  });
});

describe('the whole request', () => {
  it('needs a customer, a type and a description, and checks every line item', () => {
    const r = requestSchema(undefined, t).safeParse({
      customerId: '', contactId: '', addressId: '', serviceTypeId: '', priority: 'NORMAL', channel: 'PHONE', requestedDate: '',
      description: ' ', typeData: {}, items: [{ description: 'Succión', quantity: '0', unit: 'SERVICE', unitPrice: '1450', currency: 'GTQ', vatRate: '12' }],
    });
    expect(problems(r)).toEqual({ customerId: 'required', serviceTypeId: 'required', description: 'required', 'items.0.quantity': 'greaterThan' });
  });

  it('parses a line item into numbers', () => {
    expect(itemSchema(t).parse({ description: 'Succión', quantity: '1', unit: 'SERVICE', unitPrice: '1450.00', currency: 'GTQ', vatRate: '12' }))
      .toEqual({ description: 'Succión', quantity: 1, unit: 'SERVICE', unitPrice: 1450, currency: 'GTQ', vatRate: 12 });
    expect(problems(itemSchema(t).safeParse({ description: 'x', quantity: '1', unit: '', unitPrice: '1', currency: 'GTQ', vatRate: '12' })))
      .toEqual({ unit: 'required' });
  });

  it('maps the server\'s field names onto the form', () => {
    expect(formPath('typeData.units')).toBe('typeData.units');
    expect(formPath('items[2].unitPrice')).toBe('items.2.unitPrice');
  });
});

describe('editing stored type data', () => {
  it('gives back what was stored when the form is saved unchanged, for every schema', () => {
    const stored = {
      PORTABLE_TOILETS: { units: 8, model: 'VIP', usage: 'EVENT', rentalStart: '2026-12-05', rentalEnd: '2026-12-06', cleaningsPerWeek: 2, notes: 'Feria de Antigua' },
      SEPTIC_TANK: { waterType: 'BLACK', volumeM3: 6.5, accessConditions: 'Callejón de 3 m', hoseDistanceM: 25 },
      WASTEWATER_PLANT: { flowM3PerDay: 40, service: 'OPERATION', siteSurveyNeeded: true, designParameters: { bodMgL: 250, ph: 7.2 } },
      FREE_FORM: { Lugar: 'Santa Tecla', Turno: 'noche' },
    } as const;
    for (const [schema, data] of Object.entries(stored)) {
      const form = formTypeData(schema as keyof typeof stored, data);
      expect(typeDataSchema(schema as keyof typeof stored, t).parse(form)).toEqual(data);
    }
  });

  it('fills what was never stored with the empty values and keeps numbers as the text typed', () => {
    expect(formTypeData('SEPTIC_TANK', { volumeM3: 6 })).toEqual({ waterType: '', volumeM3: '6', accessConditions: '', hoseDistanceM: '', notes: '' });
    expect(formTypeData('WASTEWATER_PLANT', null)).toEqual(emptyTypeData('WASTEWATER_PLANT'));
    expect(formTypeData('FREE_FORM', {})).toEqual({ rows: [] });
  });
});
