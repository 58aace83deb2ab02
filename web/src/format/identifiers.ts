/**
 * Phones and tax ids as people write them, and the one phone rule of the API (platform/phones/Phones.java): a
 * phone is typed in the national form of a default country (the customer's, else the tenant's) or with its
 * country code (`+502…`, `00502…`, `502…`), with any spaces, dashes, dots or brackets. The server checks the
 * numbering plan; this says no to what it would refuse anyway, and the same to every phone field.
 */

/** Country codes and the first digits of their eight-digit national numbers. */
const PLANS: Record<string, { code: string; first: RegExp }> = {
  GT: { code: '502', first: /^[2-7]/ },
  SV: { code: '503', first: /^[267]/ },
};

/** The E.164 form of a typed phone, or null when the rule refuses it; `country` is the default (GT). */
export function normalizePhone(typed: string, country = 'GT'): string | null {
  const text = typed.trim();
  if (!text || !/^\+?[0-9 ().-]+$/.test(text)) return null;
  let digits = text.replace(/[^0-9]/g, '');
  let international = text.startsWith('+');
  if (!international && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  } else if (!international && digits.length === 11 && /^50[23]/.test(digits)) {
    international = true;
  }
  if (!international) {
    const plan = PLANS[country] ?? PLANS.GT;
    return digits.length === 8 && plan.first.test(digits) ? `+${plan.code}${digits}` : null;
  }
  const plan = Object.values(PLANS).find((p) => digits.startsWith(p.code));
  if (plan) {
    const national = digits.slice(plan.code.length);
    return national.length === 8 && plan.first.test(national) ? `+${digits}` : null;
  }
  return /^[1-9][0-9]{7,14}$/.test(digits) ? `+${digits}` : null;
}

/** Whether a phone field's text passes the rule (an empty one does: the field is optional). */
export function isPhone(typed: string, country = 'GT'): boolean {
  return typed.trim() === '' || normalizePhone(typed, country) !== null;
}

/** An E.164 phone as people read it: `+502 5012 3456`; anything else as it is. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const plan = Object.values(PLANS).find((p) => e164.startsWith(`+${p.code}`));
  if (plan && e164.length === plan.code.length + 9) {
    const national = e164.slice(plan.code.length + 1);
    return `+${plan.code} ${national.slice(0, 4)} ${national.slice(4)}`;
  }
  return e164;
}

/**
 * A tax id as it is written in its country: Guatemala's NIT with its check digit apart (`576937-K`), El Salvador's
 * NIT as `0614-010190-101-1` and its DUI as `12345678-9`; `CF` and anything unknown as stored.
 */
export function formatTaxId(taxId: string | null | undefined, country?: string | null): string {
  if (!taxId) return '';
  const id = taxId.replace(/[\s.-]/g, '').toUpperCase();
  if (id === 'CF') return id;
  if (country === 'SV' || (!country && /^[0-9]{14}$/.test(id))) {
    if (/^[0-9]{14}$/.test(id)) return `${id.slice(0, 4)}-${id.slice(4, 10)}-${id.slice(10, 13)}-${id.slice(13)}`;
    if (/^[0-9]{9}$/.test(id)) return `${id.slice(0, 8)}-${id.slice(8)}`;
    return taxId;
  }
  return /^[0-9]{1,12}[0-9K]$/.test(id) && id.length > 1 ? `${id.slice(0, -1)}-${id.slice(-1)}` : taxId;
}
