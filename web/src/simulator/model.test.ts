import { describe, expect, it } from 'vitest';
import { bubble, formatPhone, normalizePhone, shouldReportRead, ticks, unread, type SimMessage } from './model';

const msg = (over: Partial<SimMessage>): SimMessage => ({
  id: 'm1', direction: 'OUT', wamid: 'wamid.1', type: 'text', body: null, payload: {}, status: 'SENT', mediaType: null,
  createdAt: '2026-11-22T12:00:00Z', ...over,
});

describe('bubble', () => {
  it('reads the reply buttons the platform sent', () => {
    const b = bubble(msg({
      type: 'interactive',
      payload: { interactive: { type: 'button', body: { text: '¿Confirmamos la visita?' }, action: { buttons: [
        { type: 'reply', reply: { id: 'CONFIRM', title: 'Confirmar' } }, { type: 'reply', reply: { id: 'OTHER', title: 'Otro día' } },
      ] } } },
    }));
    expect(b).toEqual({ kind: 'buttons', text: '¿Confirmamos la visita?', buttons: [
      { id: 'CONFIRM', title: 'Confirmar' }, { id: 'OTHER', title: 'Otro día' }] });
  });

  it('flattens a list’s sections into its rows', () => {
    const b = bubble(msg({
      type: 'interactive',
      payload: { interactive: { type: 'list', body: { text: 'Elija el servicio' }, action: { button: 'Servicios', sections: [
        { title: 'Sanitarios', rows: [{ id: 'VIP', title: 'Sanitario VIP', description: 'Con lavamanos' }] },
        { title: 'Fosas', rows: [{ id: 'FOSA', title: 'Succión de fosa' }] },
      ] } } },
    }));
    expect(b).toEqual({ kind: 'list', text: 'Elija el servicio', button: 'Servicios', rows: [
      { id: 'VIP', title: 'Sanitario VIP', description: 'Con lavamanos' }, { id: 'FOSA', title: 'Succión de fosa' }] });
  });

  it('shows a template with its parameters, and the phone’s own replies, photos and locations', () => {
    expect(bubble(msg({ type: 'template', payload: { template: { name: 'recordatorio_visita', language: { code: 'es' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'jueves' }] }] } } })))
      .toEqual({ kind: 'template', name: 'recordatorio_visita', language: 'es', parameters: ['jueves'] });
    expect(bubble(msg({ direction: 'IN', type: 'interactive', payload: { context: { id: 'wamid.X' },
      interactive: { type: 'button_reply', button_reply: { id: 'CONFIRM', title: 'Confirmar' } } } })))
      .toEqual({ kind: 'reply', text: 'Confirmar', replyTo: 'wamid.X' });
    expect(bubble(msg({ type: 'image', payload: { image: { id: '1', caption: 'La fosa' } } }))).toEqual({ kind: 'image', caption: 'La fosa' });
    expect(bubble(msg({ type: 'location', payload: { location: { latitude: 13.67, longitude: -89.28, name: 'Casa' } } })))
      .toEqual({ kind: 'location', latitude: 13.67, longitude: -89.28, label: 'Casa' });
    expect(bubble(msg({ type: 'sticker' }))).toEqual({ kind: 'other', type: 'sticker' });
    expect(bubble(msg({ type: 'document', payload: { document: { id: '2', filename: 'cotizacion.pdf' } } })))
      .toEqual({ kind: 'document', filename: 'cotizacion.pdf', caption: null });
  });
});

describe('statuses', () => {
  it('maps statuses to ticks', () => {
    expect(ticks('SENT').marks).toBe('✓');
    expect(ticks('DELIVERED')).toEqual({ marks: '✓✓', read: false, failed: false });
    expect(ticks('READ').read).toBe(true);
    expect(ticks('REJECTED').failed).toBe(true);
  });

  it('reports read once per message, only while the page is visible', () => {
    const thread = [msg({ wamid: 'a', status: 'DELIVERED' }), msg({ wamid: 'b', status: 'READ' }), msg({ wamid: 'c', direction: 'IN', status: 'ACCEPTED' })];
    expect(unread(thread)).toEqual(['a']);
    expect(shouldReportRead(thread, new Set(), true)).toBe(true);
    expect(shouldReportRead(thread, new Set(), false)).toBe(false);
    expect(shouldReportRead(thread, new Set(['a']), true)).toBe(false);
  });
});

describe('phones', () => {
  it('takes E.164 with spaces or dashes and refuses the rest', () => {
    expect(normalizePhone('+502 5512-7788')).toBe('+50255127788');
    expect(normalizePhone('55127788')).toBeNull();
    expect(normalizePhone('+0123456789')).toBeNull();
    expect(formatPhone('+50378451203')).toBe('+503 7845 1203');
    expect(formatPhone('+14155550100')).toBe('+14155550100');
  });
});
