import { describe, expect, it } from 'vitest';
import { buttonsMessage, buttonsProblems, listMessage, listProblems, type ListDraft } from './interactive';

const row = (title: string, description = '') => ({ title, description });

describe('WhatsApp limits of buttons and lists', () => {
  it('takes up to 3 buttons of up to 20 characters, none repeated', () => {
    expect(buttonsProblems({ text: '¿Confirmamos?', buttons: ['Sí', 'Otro día'] })).toEqual([]);
    expect(buttonsProblems({ text: '¿Confirmamos?', buttons: ['a', 'b', 'c', 'd'] })).toContainEqual({ field: 'buttons', rule: 'tooMany' });
    expect(buttonsProblems({ text: '¿Confirmamos?', buttons: ['x'.repeat(21)] })).toEqual([{ field: 'buttons.0', rule: 'tooLong' }]);
    expect(buttonsProblems({ text: '¿Confirmamos?', buttons: ['x'.repeat(20)] })).toEqual([]);
    expect(buttonsProblems({ text: '¿Confirmamos?', buttons: ['Sí', ' sí '] })).toEqual([{ field: 'buttons.1', rule: 'repeated' }]);
    expect(buttonsProblems({ text: ' ', buttons: ['Sí'] })).toEqual([{ field: 'text', rule: 'required' }]);
    expect(buttonsProblems({ text: 'x'.repeat(1025), buttons: ['Sí'] })).toEqual([{ field: 'text', rule: 'tooLong' }]);
  });

  it('takes lists of up to 10 rows in all, sections titled when there are several, within Meta\'s lengths', () => {
    const ok: ListDraft = { text: '¿Qué servicio?', button: 'Ver servicios', sections: [{ title: '', rows: [row('Fosa séptica')] }] };
    expect(listProblems(ok)).toEqual([]);
    const two: ListDraft = { ...ok, sections: [{ title: '', rows: [row('A')] }, { title: 'Alquiler', rows: [row('B')] }] };
    expect(listProblems(two)).toEqual([{ field: 'sections.0.title', rule: 'required' }]);
    const eleven: ListDraft = { ...ok, sections: [{ title: '', rows: Array.from({ length: 11 }, (_, i) => row(`Fila ${i}`)) }] };
    expect(listProblems(eleven)).toEqual([{ field: 'rows', rule: 'tooMany' }]);
    const long: ListDraft = { ...ok, button: 'b'.repeat(21), sections: [{ title: 's'.repeat(25), rows: [row('r'.repeat(25), 'd'.repeat(73))] }] };
    expect(listProblems(long).map((p) => `${p.field}:${p.rule}`)).toEqual([
      'button:tooLong', 'sections.0.title:tooLong', 'sections.0.rows.0.title:tooLong', 'sections.0.rows.0.description:tooLong']);
  });

  it('gives each button and row an id of its own and leaves out what is empty', () => {
    expect(buttonsMessage({ text: ' ¿Confirmamos? ', buttons: ['Sí ', 'Otro día'] })).toEqual({
      type: 'BUTTONS', text: '¿Confirmamos?', replyToMessageId: undefined,
      buttons: [{ id: 'b1', title: 'Sí' }, { id: 'b2', title: 'Otro día' }],
    });
    expect(listMessage({ text: '¿Qué servicio?', button: 'Ver', sections: [
      { title: '', rows: [row('Fosa'), row('PTAR', 'Mensual')] }] }, 'm-1')).toEqual({
      type: 'LIST', text: '¿Qué servicio?', listButton: 'Ver', replyToMessageId: 'm-1',
      sections: [{ rows: [{ id: 's1r1', title: 'Fosa' }, { id: 's1r2', title: 'PTAR', description: 'Mensual' }] }],
    });
  });
});
