import { Stack } from '@mui/material';
import { type ReactNode } from 'react';
import { Section } from '../ui/Section';
import { formTypeData } from './schemas';
import { type ServiceRequest } from './types';

export interface ItemForm {
  catalogItemId?: string; description: string; quantity: string; unit: string; unitPrice: string; currency: string; vatRate: string;
}
export interface CatalogOption { id: string; sku: string; name: string; unit: string; price: number; currency: string; vatRate: number }
export interface FormValues {
  customerId: string; contactId: string; addressId: string; serviceTypeId: string; priority: string; channel: string;
  requestedDate: string; description: string; typeData: Record<string, unknown>; items: ItemForm[];
}

/** A text field (or select, with `options`; a day with `kind="date"`) bound to the form, showing its error. */
export { FormField } from '../ui/FormField';

/** A part of the form: its fields one under the other. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return <Section title={title} headerGap={2}><Stack spacing={2}>{children}</Stack></Section>;
}

export const grid = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)' } } as const;

/** The values of the form for an existing request (its customer, type and channel are fixed once created). */
export function formValuesOf(r: ServiceRequest): FormValues {
  return {
    customerId: r.customerId, contactId: r.contactId ?? '', addressId: r.addressId ?? '', serviceTypeId: r.serviceTypeId,
    priority: r.priority, channel: r.channel, requestedDate: r.requestedDate ?? '', description: r.description,
    typeData: formTypeData(r.dataSchema, r.typeData),
    items: r.items.map((i) => ({
      ...(i.catalogItemId ? { catalogItemId: i.catalogItemId } : {}), description: i.description, quantity: String(i.quantity),
      unit: i.unit ?? '', unitPrice: String(i.unitPrice), currency: i.currency, vatRate: String(i.vatRate),
    })),
  };
}
