import type { ParseKeys, TFunction } from 'i18next';

/** What `useTranslation().t` is: every key it takes is checked against the messages (see i18next.d.ts). */
export type Translate = TFunction;
export type MessageKey = ParseKeys;

type KeysUnder<P extends string> = Extract<MessageKey, `${P}.${string}`>;

/**
 * The key for a code that arrives at run time (a status, an event, a permission) under a group of messages
 * that exists: `codeKey('customers.statuses', c.status)`. The group is checked; the code is the server's.
 */
export function codeKey<P extends string>(prefix: [KeysUnder<P>] extends [never] ? never : P, code: string): KeysUnder<P> {
  return `${prefix}.${code}` as KeysUnder<P>;
}
