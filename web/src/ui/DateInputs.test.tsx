import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SignedInAs, type Me } from '../auth/AuthContext';
import i18n from '../i18n';
import { DateInput, DateTimeInput, TimeInput } from './DateInputs';

const me: Me = {
  user: { id: 'u1', email: 'ana@example.com', fullName: 'Ana', language: 'es' },
  tenant: { id: 't1', slug: 'demo', name: 'Demo', country: 'GT', timeZone: 'America/Guatemala' },
  permissions: [], permissionVersion: 1,
};

/** The input as a screen holds it: its value in state, each change reported. */
function Held({ kind, initial, seen }: { kind: 'date' | 'time' | 'dateTime'; initial: string; seen(v: string): void }) {
  const [value, setValue] = useState(initial);
  const Input = { date: DateInput, time: TimeInput, dateTime: DateTimeInput }[kind];
  return <Input label="Cuándo" value={value} onChange={(v) => { seen(v); setValue(v); }} />;
}

const type = (text: string) => fireEvent.change(screen.getByLabelText('Cuándo'), { target: { value: text } });

describe('the app\'s own date and time inputs', () => {
  beforeEach(async () => { await i18n.changeLanguage('es'); });

  it('show a day as the app writes it, with the language\'s pattern, and read a typed one back', async () => {
    const seen = vi.fn();
    render(<SignedInAs me={me}><Held kind="date" initial="2026-12-06" seen={seen} /></SignedInAs>);
    const input = screen.getByLabelText('Cuándo');
    expect(input).toHaveValue('06/12/2026');
    expect(input).toHaveAttribute('placeholder', 'dd/mm/aaaa');
    expect(input).not.toHaveAttribute('type', 'date');
    type('15/1/2027');
    expect(seen).toHaveBeenLastCalledWith('2027-01-15');
    expect(input).toHaveValue('15/1/2027');
  });

  it('say when a typed day is none, and hold no date meanwhile', () => {
    const seen = vi.fn();
    render(<SignedInAs me={me}><Held kind="date" initial="" seen={seen} /></SignedInAs>);
    type('31/02/2026');
    expect(screen.getByText('Fecha no válida')).toBeInTheDocument();
    expect(seen).not.toHaveBeenCalled();
  });

  it('write the English pattern in English, still day first', async () => {
    await i18n.changeLanguage('en');
    render(<SignedInAs me={me}><Held kind="date" initial="2027-01-05" seen={vi.fn()} /></SignedInAs>);
    expect(screen.getByLabelText('Cuándo')).toHaveValue('05/01/2027');
    expect(screen.getByLabelText('Cuándo')).toHaveAttribute('placeholder', 'dd/mm/yyyy');
  });

  it('read a moment as the tenant\'s clocks show it, whatever the browser\'s zone', () => {
    const seen = vi.fn();
    render(<SignedInAs me={me}><Held kind="dateTime" initial="2026-12-06T03:30:00Z" seen={seen} /></SignedInAs>);
    expect(screen.getByLabelText('Cuándo')).toHaveValue('05/12/2026 21:30');
    type('06/12/2026 08:00');
    expect(seen).toHaveBeenLastCalledWith('2026-12-06T14:00:00.000Z');
  });

  it('read a time on the 24-hour clock', () => {
    const seen = vi.fn();
    render(<SignedInAs me={me}><Held kind="time" initial="08:00" seen={seen} /></SignedInAs>);
    type('13:30');
    expect(seen).toHaveBeenLastCalledWith('13:30');
    type('25:00');
    expect(screen.getByText('Hora no válida (hh:mm, de 00:00 a 23:59)')).toBeInTheDocument();
  });
});
