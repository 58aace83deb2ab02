import type { Outgoing } from './types';

/**
 * WhatsApp's limits for messages with reply buttons and lists (Cloud API), the same the server enforces
 * (OutgoingMessage.Buttons and OptionList): the composer shows them while the agent types.
 */
export const LIMITS = {
  text: 1024,
  buttons: 3,
  buttonTitle: 20,
  listButton: 20,
  sections: 10,
  rows: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
} as const;

export interface ButtonsDraft { text: string; buttons: string[] }
export interface ListRowDraft { title: string; description: string }
export interface ListSectionDraft { title: string; rows: ListRowDraft[] }
export interface ListDraft { text: string; button: string; sections: ListSectionDraft[] }

/** What is wrong with a draft: the field (a path such as `buttons.1` or `sections.0.rows.2.title`) and why. */
export interface Problem { field: string; rule: 'required' | 'tooLong' | 'tooMany' | 'repeated' }

const tooLong = (value: string, max: number) => value.length > max;
const blank = (value: string) => value.trim() === '';

export function buttonsProblems(draft: ButtonsDraft): Problem[] {
  const problems: Problem[] = [];
  if (blank(draft.text)) problems.push({ field: 'text', rule: 'required' });
  if (tooLong(draft.text, LIMITS.text)) problems.push({ field: 'text', rule: 'tooLong' });
  if (draft.buttons.length > LIMITS.buttons) problems.push({ field: 'buttons', rule: 'tooMany' });
  if (draft.buttons.length === 0) problems.push({ field: 'buttons', rule: 'required' });
  const seen = new Set<string>();
  draft.buttons.forEach((title, i) => {
    const key = title.trim().toLowerCase();
    if (blank(title)) problems.push({ field: `buttons.${i}`, rule: 'required' });
    else if (tooLong(title, LIMITS.buttonTitle)) problems.push({ field: `buttons.${i}`, rule: 'tooLong' });
    else if (seen.has(key)) problems.push({ field: `buttons.${i}`, rule: 'repeated' });
    seen.add(key);
  });
  return problems;
}

export function listProblems(draft: ListDraft): Problem[] {
  const problems: Problem[] = [];
  if (blank(draft.text)) problems.push({ field: 'text', rule: 'required' });
  if (tooLong(draft.text, LIMITS.text)) problems.push({ field: 'text', rule: 'tooLong' });
  if (blank(draft.button)) problems.push({ field: 'button', rule: 'required' });
  if (tooLong(draft.button, LIMITS.listButton)) problems.push({ field: 'button', rule: 'tooLong' });
  if (draft.sections.length > LIMITS.sections) problems.push({ field: 'sections', rule: 'tooMany' });
  if (rowCount(draft) > LIMITS.rows) problems.push({ field: 'rows', rule: 'tooMany' });
  const several = draft.sections.length > 1;
  draft.sections.forEach((s, i) => {
    if (several && blank(s.title)) problems.push({ field: `sections.${i}.title`, rule: 'required' });
    if (tooLong(s.title, LIMITS.sectionTitle)) problems.push({ field: `sections.${i}.title`, rule: 'tooLong' });
    if (s.rows.length === 0) problems.push({ field: `sections.${i}.rows`, rule: 'required' });
    s.rows.forEach((r, j) => {
      const at = `sections.${i}.rows.${j}`;
      if (blank(r.title)) problems.push({ field: `${at}.title`, rule: 'required' });
      if (tooLong(r.title, LIMITS.rowTitle)) problems.push({ field: `${at}.title`, rule: 'tooLong' });
      if (tooLong(r.description, LIMITS.rowDescription)) problems.push({ field: `${at}.description`, rule: 'tooLong' });
    });
  });
  return problems;
}

export const rowCount = (draft: ListDraft) => draft.sections.reduce((n, s) => n + s.rows.length, 0);

/** The problem of one field, if any. */
export const problemOf = (problems: Problem[], field: string) => problems.find((p) => p.field === field);

/** The message to send; each button and row gets an id of its own (Meta hands it back with the contact's choice). */
export function buttonsMessage(draft: ButtonsDraft, replyToMessageId?: string): Outgoing {
  return {
    type: 'BUTTONS', text: draft.text.trim(), replyToMessageId,
    buttons: draft.buttons.map((title, i) => ({ id: `b${i + 1}`, title: title.trim() })),
  };
}

export function listMessage(draft: ListDraft, replyToMessageId?: string): Outgoing {
  return {
    type: 'LIST', text: draft.text.trim(), listButton: draft.button.trim(), replyToMessageId,
    sections: draft.sections.map((s, i) => ({
      ...(s.title.trim() ? { title: s.title.trim() } : {}),
      rows: s.rows.map((r, j) => ({
        id: `s${i + 1}r${j + 1}`, title: r.title.trim(), ...(r.description.trim() ? { description: r.description.trim() } : {}),
      })),
    })),
  };
}
