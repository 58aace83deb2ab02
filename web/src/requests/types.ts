/** The service requests API's shapes (see ServiceRequestViews.java and ServiceRequestSetup.java). */

export const STATUSES = [
  'NEW', 'IN_REVIEW', 'PENDING_APPROVAL', 'QUOTED', 'ACCEPTED', 'SCHEDULED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER',
  'COMPLETED', 'CANCELLED', 'LOST',
] as const;
export type RequestStatus = (typeof STATUSES)[number];
export const OPEN_STATUSES = STATUSES.filter((s) => s !== 'COMPLETED' && s !== 'CANCELLED' && s !== 'LOST');
export const CLOSED_STATUSES: RequestStatus[] = ['COMPLETED', 'CANCELLED', 'LOST'];

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CHANNELS = ['WHATSAPP', 'WEB', 'PHONE', 'EMAIL', 'WALK_IN', 'OTHER'] as const;
export const SLA_STATUSES = ['ON_TRACK', 'AT_RISK', 'BREACHED', 'FULFILLED', 'STOPPED'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];
export const DATA_SCHEMAS = ['PORTABLE_TOILETS', 'SEPTIC_TANK', 'WASTEWATER_PLANT', 'FREE_FORM'] as const;
export type DataSchema = (typeof DATA_SCHEMAS)[number];
export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

export interface Summary {
  id: string; number: string; customerId: string; customerName: string; serviceTypeId: string; serviceTypeName: string;
  ownerId: string | null; ownerName: string | null; priority: Priority; channel: string; status: RequestStatus;
  requestedDate: string | null; createdAt: string; responseSla: SlaStatus | null; resolutionSla: SlaStatus | null;
  resolutionDueAt: string | null;
}

export interface Sla {
  clock: 'RESPONSE' | 'RESOLUTION'; targetMinutes: number | null; status: SlaStatus | null; paused: boolean;
  atRiskAt: string | null; dueAt: string | null; metAt: string | null; elapsedMinutes: number;
}

export interface Item {
  id: string; catalogItemId: string | null; sku: string | null; description: string; quantity: number; unit: string | null;
  unitPrice: number; currency: string; vatRate: number; subtotal: number; vat: number; total: number;
}

export interface Totals { currency: string; subtotal: number; vat: number; total: number }

export interface ServiceRequest {
  id: string; number: string; customerId: string; customerName: string; contactId: string | null; addressId: string | null;
  serviceTypeId: string; serviceTypeName: string; dataSchema: DataSchema; ownerId: string | null; ownerName: string | null;
  priority: Priority; channel: string; requestedDate: string | null; description: string; typeData: Record<string, unknown>;
  status: RequestStatus; statusReason: string | null; resumeTo: RequestStatus | null; allowedTransitions: RequestStatus[];
  items: Item[]; totals: Totals[]; mediaFileIds: string[]; sla: Sla[]; createdAt: string; updatedAt: string; version: number;
}

export interface HistoryEntry {
  at: string; kind: 'TRANSITION' | 'CHANGE' | 'ASSIGNMENT' | 'SLA'; actorId: string | null; actorName: string | null;
  field: string | null; from: string | null; to: string | null; comment: string | null;
}

export interface SavedFilter { id: string; name: string; query: Record<string, unknown> }

export interface ServiceType { id: string; code: string; name: string; dataSchema: DataSchema; autoAssign: boolean; active: boolean }

export interface SlaPolicy {
  id: string; name: string; serviceTypeId: string | null; priority: Priority | null; responseMinutes: number;
  resolutionMinutes: number; active: boolean;
}

export interface Settings {
  approvalRequired: boolean; timeZone: string; week: Record<string, [string, string][]>; holidays: { day: string; name: string }[];
}


